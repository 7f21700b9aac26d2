/** English strings of this part of the admin; the Dutch ones below must have every key. */
export const membershipsEn = {
  // Memberships tab
  "memberships.title": "Memberships",
  "memberships.assign": "Assign membership",
  "memberships.loadError": "The memberships could not be loaded: {{message}}",
  "memberships.emptyTitle": "No memberships yet",
  "memberships.emptyDescription":
    "Memberships this customer holds or shares in appear here.",
  "memberships.columns.number": "Membership ID",
  "memberships.columns.plan": "Plan",
  "memberships.columns.level": "Level",
  "memberships.columns.expires": "Expires",
  "memberships.columns.status": "Status",
  "memberships.status.active": "Active",
  "memberships.status.expired": "Expired",
  "memberships.status.cancelled": "Cancelled",
  "memberships.lifetime": "Lifetime",
  "memberships.validUntil": "Valid until {{date}}",
  "memberships.cancelsAtPeriodEnd": "Cancels at period end",
  "memberships.coMember": "Co-member",
  "memberships.heldBy": "Held by {{name}}",
  "memberships.sharedWith": "Shared with {{count}}",
  "memberships.none": "None",
  "memberships.yes": "Yes",
  "memberships.no": "No",

  "memberships.duration.lifetime": "Lifetime",
  "memberships.duration.dayOne": "1 day",
  "memberships.duration.dayMany": "{{count}} days",
  "memberships.duration.monthOne": "1 month",
  "memberships.duration.monthMany": "{{count}} months",
  "memberships.duration.yearOne": "1 year",
  "memberships.duration.yearMany": "{{count}} years",

  "memberships.fields.plan": "Plan",
  "memberships.fields.level": "Level",
  "memberships.fields.duration": "Duration",
  "memberships.fields.benefitGroup": "Benefit group",
  "memberships.fields.maxShares": "Co-members allowed",
  "memberships.fields.startsOn": "Starts on",
  "memberships.fields.expiresOn": "Expires on",

  "memberships.actions.menu": "Actions for membership {{number}}",
  "memberships.actions.expiration": "Edit expiration",
  "memberships.actions.renew": "Renew",
  "memberships.actions.cancel": "Cancel",
  "memberships.actions.gift": "Gift",
  "memberships.actions.share": "Share",
  "memberships.actions.card": "View card",
  "memberships.actions.history": "History",
  "memberships.actions.cancelForm": "Cancel",
  "memberships.actions.back": "Back",
  "memberships.actions.save": "Save",
  "memberships.actions.close": "Close",

  // Assign
  "memberships.assignForm.title": "Assign membership",
  "memberships.assignForm.description":
    "Give this customer a membership of a plan. It starts today and lasts the plan's duration unless you choose other dates.",
  "memberships.assignForm.planPlaceholder": "Choose a plan",
  "memberships.assignForm.plansLoading": "Loading plans…",
  "memberships.assignForm.plansError": "The plans could not be loaded: {{message}}",
  "memberships.assignForm.planRequired": "Choose a plan.",
  "memberships.assignForm.noPlans": "There are no membership plans yet.",
  "memberships.assignForm.managePlans": "Create a plan",
  "memberships.assignForm.startsHint": "Leave empty to start it now.",
  "memberships.assignForm.expiresHint":
    "Leave empty to end it on {{date}}, {{duration}} after the start. It ends at the end of the chosen day.",
  "memberships.assignForm.expiresHintLifetime":
    "Leave empty: a lifetime membership never expires.",
  "memberships.assignForm.expiresHintNoPlan":
    "Leave empty to end it after the plan's duration.",
  "memberships.assignForm.expiresBeforeStart":
    "The membership cannot end before it starts.",
  "memberships.assignForm.submit": "Assign",
  "memberships.assignForm.done": "{{plan}} membership {{number}} assigned",

  // Edit expiration
  "memberships.expiration.title": "Edit expiration",
  "memberships.expiration.description":
    "Choose the day this membership ends.",
  "memberships.expiration.hint":
    "The membership ends at the end of this day. A reminder is e-mailed before it, as the plan sets.",
  "memberships.expiration.required": "Choose a date.",
  "memberships.expiration.beforeStart":
    "The membership cannot end before it starts.",
  "memberships.expiration.done": "Membership {{number}} now expires: {{date}}",

  // Renew
  "memberships.renew.title": "Renew membership {{number}}?",
  "memberships.renew.description":
    "It is extended by {{duration}}, from its expiry or from today if it has already expired: it will be valid until {{date}}.",
  "memberships.renew.confirm": "Renew",
  "memberships.renew.done": "Membership {{number}} renewed until {{date}}",
  "memberships.renew.doneLifetime": "Membership {{number}} renewed",

  // Cancel
  "memberships.cancel.title": "Cancel membership",
  "memberships.cancel.description":
    "End the membership now, or let it run until it expires and not renew.",
  "memberships.cancel.periodEnd": "At the end of the period",
  "memberships.cancel.periodEndHint":
    "The member keeps the benefits until {{date}}.",
  "memberships.cancel.periodEndLifetime":
    "A lifetime membership has no period end.",
  "memberships.cancel.periodEndScheduled":
    "Already set to end at the end of the period.",
  "memberships.cancel.now": "Now",
  "memberships.cancel.nowHint":
    "The membership and its benefits end at once, for co-members too.",
  "memberships.cancel.keep": "Keep membership",
  "memberships.cancel.submit": "Cancel membership",
  "memberships.cancel.doneNow": "Membership {{number}} cancelled",
  "memberships.cancel.donePeriodEnd":
    "Membership {{number}} ends at the end of its period",

  // Gift
  "memberships.gift.title": "Gift membership",
  "memberships.gift.description":
    "Move this membership to another customer. It is then theirs and no longer this customer's.",
  "memberships.gift.recipient": "Give it to",
  "memberships.gift.submit": "Gift membership",
  "memberships.gift.done": "Membership {{number}} given to {{name}}",

  // Share
  "memberships.share.title": "Share membership",
  "memberships.share.description":
    "Co-members enjoy the membership's benefits while it is active.",
  "memberships.share.coMembers": "Co-members",
  "memberships.share.used": "{{used}} of {{max}} used",
  "memberships.share.none": "Not shared with anyone yet.",
  "memberships.share.add": "Add a co-member",
  "memberships.share.full":
    "No co-member can be added: the plan's shares are all used, or the membership is not active.",
  "memberships.share.submit": "Add co-member",
  "memberships.share.done": "Membership {{number}} shared with {{name}}",
  "memberships.share.remove": "Remove",
  "memberships.share.removeLabel": "Remove {{name}}",
  "memberships.share.removeTitle": "Remove co-member?",
  "memberships.share.removeDescription":
    "{{name}} no longer shares membership {{number}} and loses its benefits.",
  "memberships.share.removed": "{{name}} removed from the membership",

  // Customer picker
  "memberships.picker.searchCustomers": "Search by name or e-mail",
  "memberships.picker.noCustomers": "There are no customers yet.",
  "memberships.picker.noMatches": "No customer matches this search.",
  "memberships.picker.customersError":
    "The customers could not be loaded: {{message}}",
  "memberships.picker.change": "Change",
  "memberships.picker.holder": "Holder",
  "memberships.picker.alreadyCoMember": "Already a co-member",

  // History
  "memberships.history.title": "Membership history",
  "memberships.history.description":
    "Everything that happened to membership {{number}}, newest first.",
  "memberships.history.loadError": "The history could not be loaded: {{message}}",
  "memberships.history.emptyTitle": "No history yet",
  "memberships.history.emptyDescription":
    "Changes to this membership appear here.",
  "memberships.events.created": "Created",
  "memberships.events.renewed": "Renewed",
  "memberships.events.expiration_edited": "Expiration edited",
  "memberships.events.cancelled": "Cancelled",
  "memberships.events.cancel_scheduled": "Cancellation scheduled",
  "memberships.events.gifted": "Gifted",
  "memberships.events.shared": "Shared",
  "memberships.events.unshared": "Co-member removed",
  "memberships.events.expired": "Expired",
  "memberships.actors.admin": "By an admin",
  "memberships.actors.customer": "By the customer",
  "memberships.actors.system": "Automatically",
  "memberships.eventData.starts_at": "Starts",
  "memberships.eventData.expires_at": "Expires",
  "memberships.eventData.previous_expires_at": "Expired before",
  "memberships.eventData.from_expires_at": "Expired before",
  "memberships.eventData.to_expires_at": "Expires",
  "memberships.eventData.at": "When",
  "memberships.eventData.source": "Source",
  "memberships.eventData.order_id": "Order",
  "memberships.eventData.plan_id": "Plan",
  "memberships.eventData.customer_id": "Customer",
  "memberships.eventData.from_customer_id": "From customer",
  "memberships.eventData.to_customer_id": "To customer",
  "memberships.eventData.reason": "Reason",
  "memberships.eventValues.now": "Now",
  "memberships.eventValues.period_end": "At the end of the period",
  "memberships.eventValues.admin": "Admin",
  "memberships.eventValues.purchase": "Purchase",
  "memberships.eventValues.gift": "Gift",

  // Card
  "memberships.card.title": "Membership card",
  "memberships.card.description":
    "The card the member shows at the door. Print it, or let them scan the code from a screen.",
  "memberships.card.print": "Print",
  "memberships.card.loadError": "The card could not be loaded: {{message}}",
  "memberships.card.membership": "Membership",
  "memberships.card.level": "Level {{level}}",
  "memberships.card.holder": "Member",
  "memberships.card.number": "Number",
  "memberships.card.validUntil": "Valid until",
  "memberships.card.qr": "QR code of {{code}}",

  // Side card
  "memberships.side.title": "Memberships",
  "memberships.side.none": "No active memberships",
  "memberships.side.loadError": "The memberships could not be loaded",

  // Customers › Memberships
  "membershipsPage.navLabel": "Memberships",
  "membershipsPage.title": "Membership plans",
  "membershipsPage.subtitle":
    "What customers can be members of: level, duration, benefit group and how it is sold.",
  "membershipsPage.search": "Search",
  "membershipsPage.loadError": "The plans could not be loaded: {{message}}",
  "membershipsPage.empty.heading": "No plans yet",
  "membershipsPage.empty.description":
    "Create a plan, such as Friends of the Theatre, to give customers memberships.",
  "membershipsPage.filtered.heading": "No matching plans",
  "membershipsPage.filtered.description": "No plan matches this search.",
  "membershipsPage.pagination.of": "of",
  "membershipsPage.pagination.results": "results",
  "membershipsPage.pagination.pages": "pages",
  "membershipsPage.pagination.prev": "Prev",
  "membershipsPage.pagination.next": "Next",

  "membershipsPage.actions.create": "Create",
  "membershipsPage.actions.edit": "Edit",
  "membershipsPage.actions.delete": "Delete",
  "membershipsPage.actions.cancel": "Cancel",
  "membershipsPage.actions.save": "Save",
  "membershipsPage.actions.menu": "Actions for plan {{name}}",

  "membershipsPage.fields.name": "Name",
  "membershipsPage.fields.description": "Description",
  "membershipsPage.fields.level": "Level",
  "membershipsPage.fields.duration": "Duration",
  "membershipsPage.fields.durationUnit": "Duration",
  "membershipsPage.fields.durationValue": "Number of units",
  "membershipsPage.fields.benefitGroup": "Benefit group",
  "membershipsPage.fields.variant": "Sold via",
  "membershipsPage.fields.maxShares": "Shares",
  "membershipsPage.fields.reminderDays": "Reminder (days before expiry)",
  "membershipsPage.fields.activeCount": "Active members",
  "membershipsPage.fields.memberCount": "All members",

  "membershipsPage.units.day": "Days",
  "membershipsPage.units.month": "Months",
  "membershipsPage.units.year": "Years",
  "membershipsPage.units.lifetime": "Lifetime",

  "membershipsPage.form.createTitle": "Create plan",
  "membershipsPage.form.editTitle": "Edit plan",
  "membershipsPage.form.description":
    "A membership plan: its name, level, duration, benefit group, the variant that sells it, shares and reminders.",
  "membershipsPage.form.namePlaceholder": "Friends of the Theatre",
  "membershipsPage.form.nameRequired": "Enter a name.",
  "membershipsPage.form.levelHint":
    "The plan's rank: a higher level is a better plan.",
  "membershipsPage.form.benefitGroupHint":
    "Members are in this customer group while their membership is active, so price lists and promotions for the group apply to them.",
  "membershipsPage.form.variantHint":
    "Buying this product variant gives (or renews) a membership of the plan.",
  "membershipsPage.form.searchVariants": "Search by product, variant or SKU",
  "membershipsPage.form.noVariants": "No variant matches this search.",
  "membershipsPage.form.variantsError":
    "The variants could not be loaded: {{message}}",
  "membershipsPage.form.variantLoading": "Loading the variant…",
  "membershipsPage.form.removeVariant": "Remove",
  "membershipsPage.form.maxSharesHint":
    "How many co-members one membership may add; 0 for none.",
  "membershipsPage.form.reminderDaysHint":
    "E-mail the holder this many days before it expires; 0 for no reminder.",
  "membershipsPage.form.wholeNumberMin": "Enter a whole number of {{min}} or more.",
  "membershipsPage.form.wholeNumberRange":
    "Enter a whole number from {{min}} to {{max}}.",

  "membershipsPage.toasts.created": "Plan {{name}} created",
  "membershipsPage.toasts.updated": "Plan {{name}} updated",
  "membershipsPage.toasts.deleted": "Plan {{name}} deleted",

  "membershipsPage.delete.title": "Delete plan {{name}}?",
  "membershipsPage.delete.description":
    "The plan {{name}} is deleted permanently. This cannot be undone.",
  "membershipsPage.delete.descriptionActive":
    "The plan {{name}} has {{count}} active memberships: it cannot be deleted until they have ended or been cancelled.",

  "membershipsPage.verify.title": "Check a card",
  "membershipsPage.verify.subtitle":
    "Scan or type the code of a membership card to see whether it is valid.",
  "membershipsPage.verify.placeholder": "Card code",
  "membershipsPage.verify.submit": "Check",
  "membershipsPage.verify.error": "The card could not be checked: {{message}}",
  "membershipsPage.verify.results.valid": "Valid",
  "membershipsPage.verify.results.expired": "Expired",
  "membershipsPage.verify.results.cancelled": "Cancelled",
  "membershipsPage.verify.results.replaced": "Replaced card",
  "membershipsPage.verify.results.invalid": "Not a genuine card",
  "membershipsPage.verify.hints.valid": "This membership is active.",
  "membershipsPage.verify.hints.expired":
    "This membership has expired: it can be renewed on the customer's page.",
  "membershipsPage.verify.hints.cancelled": "This membership was cancelled.",
  "membershipsPage.verify.hints.replaced":
    "This card is no longer current: it was given away, its co-member removed, or a newer card was issued. Ask for the member's current card.",
  "membershipsPage.verify.hints.invalid":
    "This code was not issued by this store, or it was altered.",
  "membershipsPage.verify.number": "Number",
  "membershipsPage.verify.holder": "Member",
  "membershipsPage.verify.plan": "Plan",
  "membershipsPage.verify.validUntil": "Valid until",
  "membershipsPage.verify.status": "Status",
}

export const membershipsNl: Record<keyof typeof membershipsEn, string> = {
  // Tabblad Lidmaatschappen
  "memberships.title": "Lidmaatschappen",
  "memberships.assign": "Lidmaatschap toekennen",
  "memberships.loadError":
    "De lidmaatschappen konden niet worden geladen: {{message}}",
  "memberships.emptyTitle": "Nog geen lidmaatschappen",
  "memberships.emptyDescription":
    "Lidmaatschappen die deze klant heeft of deelt verschijnen hier.",
  "memberships.columns.number": "Lidnummer",
  "memberships.columns.plan": "Abonnement",
  "memberships.columns.level": "Niveau",
  "memberships.columns.expires": "Verloopt",
  "memberships.columns.status": "Status",
  "memberships.status.active": "Actief",
  "memberships.status.expired": "Verlopen",
  "memberships.status.cancelled": "Opgezegd",
  "memberships.lifetime": "Levenslang",
  "memberships.validUntil": "Geldig tot {{date}}",
  "memberships.cancelsAtPeriodEnd": "Stopt aan het eind van de periode",
  "memberships.coMember": "Medelid",
  "memberships.heldBy": "Van {{name}}",
  "memberships.sharedWith": "Gedeeld met {{count}}",
  "memberships.none": "Geen",
  "memberships.yes": "Ja",
  "memberships.no": "Nee",

  "memberships.duration.lifetime": "Levenslang",
  "memberships.duration.dayOne": "1 dag",
  "memberships.duration.dayMany": "{{count}} dagen",
  "memberships.duration.monthOne": "1 maand",
  "memberships.duration.monthMany": "{{count}} maanden",
  "memberships.duration.yearOne": "1 jaar",
  "memberships.duration.yearMany": "{{count}} jaar",

  "memberships.fields.plan": "Abonnement",
  "memberships.fields.level": "Niveau",
  "memberships.fields.duration": "Looptijd",
  "memberships.fields.benefitGroup": "Voordeelgroep",
  "memberships.fields.maxShares": "Toegestane medeleden",
  "memberships.fields.startsOn": "Begint op",
  "memberships.fields.expiresOn": "Verloopt op",

  "memberships.actions.menu": "Acties voor lidmaatschap {{number}}",
  "memberships.actions.expiration": "Vervaldatum wijzigen",
  "memberships.actions.renew": "Verlengen",
  "memberships.actions.cancel": "Opzeggen",
  "memberships.actions.gift": "Schenken",
  "memberships.actions.share": "Delen",
  "memberships.actions.card": "Pas bekijken",
  "memberships.actions.history": "Geschiedenis",
  "memberships.actions.cancelForm": "Annuleren",
  "memberships.actions.back": "Terug",
  "memberships.actions.save": "Opslaan",
  "memberships.actions.close": "Sluiten",

  // Toekennen
  "memberships.assignForm.title": "Lidmaatschap toekennen",
  "memberships.assignForm.description":
    "Geef deze klant een lidmaatschap van een abonnement. Het begint vandaag en duurt de looptijd van het abonnement, tenzij je andere datums kiest.",
  "memberships.assignForm.planPlaceholder": "Kies een abonnement",
  "memberships.assignForm.plansLoading": "Abonnementen laden…",
  "memberships.assignForm.plansError":
    "De abonnementen konden niet worden geladen: {{message}}",
  "memberships.assignForm.planRequired": "Kies een abonnement.",
  "memberships.assignForm.noPlans": "Er zijn nog geen abonnementen.",
  "memberships.assignForm.managePlans": "Maak een abonnement aan",
  "memberships.assignForm.startsHint": "Laat leeg om het nu te laten beginnen.",
  "memberships.assignForm.expiresHint":
    "Laat leeg om het op {{date}} te laten eindigen, {{duration}} na het begin. Het eindigt aan het eind van de gekozen dag.",
  "memberships.assignForm.expiresHintLifetime":
    "Laat leeg: een levenslang lidmaatschap verloopt nooit.",
  "memberships.assignForm.expiresHintNoPlan":
    "Laat leeg om het na de looptijd van het abonnement te laten eindigen.",
  "memberships.assignForm.expiresBeforeStart":
    "Het lidmaatschap kan niet eindigen voordat het begint.",
  "memberships.assignForm.submit": "Toekennen",
  "memberships.assignForm.done": "Lidmaatschap {{plan}} {{number}} toegekend",

  // Vervaldatum
  "memberships.expiration.title": "Vervaldatum wijzigen",
  "memberships.expiration.description":
    "Kies de dag waarop dit lidmaatschap eindigt.",
  "memberships.expiration.hint":
    "Het lidmaatschap eindigt aan het eind van deze dag. Vooraf wordt een herinnering gemaild, zoals het abonnement bepaalt.",
  "memberships.expiration.required": "Kies een datum.",
  "memberships.expiration.beforeStart":
    "Het lidmaatschap kan niet eindigen voordat het begint.",
  "memberships.expiration.done": "Lidmaatschap {{number}} verloopt nu: {{date}}",

  // Verlengen
  "memberships.renew.title": "Lidmaatschap {{number}} verlengen?",
  "memberships.renew.description":
    "Het wordt verlengd met {{duration}}, vanaf de vervaldatum of vanaf vandaag als het al verlopen is: het is dan geldig tot {{date}}.",
  "memberships.renew.confirm": "Verlengen",
  "memberships.renew.done": "Lidmaatschap {{number}} verlengd tot {{date}}",
  "memberships.renew.doneLifetime": "Lidmaatschap {{number}} verlengd",

  // Opzeggen
  "memberships.cancel.title": "Lidmaatschap opzeggen",
  "memberships.cancel.description":
    "Beëindig het lidmaatschap nu, of laat het doorlopen tot het verloopt en verleng het niet.",
  "memberships.cancel.periodEnd": "Aan het eind van de periode",
  "memberships.cancel.periodEndHint":
    "Het lid houdt de voordelen tot {{date}}.",
  "memberships.cancel.periodEndLifetime":
    "Een levenslang lidmaatschap heeft geen einde van de periode.",
  "memberships.cancel.periodEndScheduled":
    "Stopt al aan het eind van de periode.",
  "memberships.cancel.now": "Nu",
  "memberships.cancel.nowHint":
    "Het lidmaatschap en de voordelen stoppen meteen, ook voor medeleden.",
  "memberships.cancel.keep": "Lidmaatschap houden",
  "memberships.cancel.submit": "Lidmaatschap opzeggen",
  "memberships.cancel.doneNow": "Lidmaatschap {{number}} opgezegd",
  "memberships.cancel.donePeriodEnd":
    "Lidmaatschap {{number}} stopt aan het eind van de periode",

  // Schenken
  "memberships.gift.title": "Lidmaatschap schenken",
  "memberships.gift.description":
    "Zet dit lidmaatschap over naar een andere klant. Het is dan van hen en niet meer van deze klant.",
  "memberships.gift.recipient": "Schenken aan",
  "memberships.gift.submit": "Lidmaatschap schenken",
  "memberships.gift.done": "Lidmaatschap {{number}} geschonken aan {{name}}",

  // Delen
  "memberships.share.title": "Lidmaatschap delen",
  "memberships.share.description":
    "Medeleden genieten de voordelen van het lidmaatschap zolang het actief is.",
  "memberships.share.coMembers": "Medeleden",
  "memberships.share.used": "{{used}} van {{max}} gebruikt",
  "memberships.share.none": "Nog met niemand gedeeld.",
  "memberships.share.add": "Medelid toevoegen",
  "memberships.share.full":
    "Er kan geen medelid bij: alle plaatsen van het abonnement zijn gebruikt, of het lidmaatschap is niet actief.",
  "memberships.share.submit": "Medelid toevoegen",
  "memberships.share.done": "Lidmaatschap {{number}} gedeeld met {{name}}",
  "memberships.share.remove": "Verwijderen",
  "memberships.share.removeLabel": "{{name}} verwijderen",
  "memberships.share.removeTitle": "Medelid verwijderen?",
  "memberships.share.removeDescription":
    "{{name}} deelt lidmaatschap {{number}} niet meer en verliest de voordelen.",
  "memberships.share.removed": "{{name}} verwijderd uit het lidmaatschap",

  // Klant kiezen
  "memberships.picker.searchCustomers": "Zoeken op naam of e-mailadres",
  "memberships.picker.noCustomers": "Er zijn nog geen klanten.",
  "memberships.picker.noMatches": "Geen klant past bij deze zoekopdracht.",
  "memberships.picker.customersError":
    "De klanten konden niet worden geladen: {{message}}",
  "memberships.picker.change": "Wijzigen",
  "memberships.picker.holder": "Houder",
  "memberships.picker.alreadyCoMember": "Al medelid",

  // Geschiedenis
  "memberships.history.title": "Geschiedenis van het lidmaatschap",
  "memberships.history.description":
    "Alles wat er met lidmaatschap {{number}} gebeurde, nieuwste eerst.",
  "memberships.history.loadError":
    "De geschiedenis kon niet worden geladen: {{message}}",
  "memberships.history.emptyTitle": "Nog geen geschiedenis",
  "memberships.history.emptyDescription":
    "Wijzigingen aan dit lidmaatschap verschijnen hier.",
  "memberships.events.created": "Aangemaakt",
  "memberships.events.renewed": "Verlengd",
  "memberships.events.expiration_edited": "Vervaldatum gewijzigd",
  "memberships.events.cancelled": "Opgezegd",
  "memberships.events.cancel_scheduled": "Opzegging ingepland",
  "memberships.events.gifted": "Geschonken",
  "memberships.events.shared": "Gedeeld",
  "memberships.events.unshared": "Medelid verwijderd",
  "memberships.events.expired": "Verlopen",
  "memberships.actors.admin": "Door een beheerder",
  "memberships.actors.customer": "Door de klant",
  "memberships.actors.system": "Automatisch",
  "memberships.eventData.starts_at": "Begint",
  "memberships.eventData.expires_at": "Verloopt",
  "memberships.eventData.previous_expires_at": "Verliep eerst",
  "memberships.eventData.from_expires_at": "Verliep eerst",
  "memberships.eventData.to_expires_at": "Verloopt",
  "memberships.eventData.at": "Wanneer",
  "memberships.eventData.source": "Herkomst",
  "memberships.eventData.order_id": "Bestelling",
  "memberships.eventData.plan_id": "Abonnement",
  "memberships.eventData.customer_id": "Klant",
  "memberships.eventData.from_customer_id": "Van klant",
  "memberships.eventData.to_customer_id": "Naar klant",
  "memberships.eventData.reason": "Reden",
  "memberships.eventValues.now": "Nu",
  "memberships.eventValues.period_end": "Aan het eind van de periode",
  "memberships.eventValues.admin": "Beheerder",
  "memberships.eventValues.purchase": "Aankoop",
  "memberships.eventValues.gift": "Cadeau",

  // Pas
  "memberships.card.title": "Ledenpas",
  "memberships.card.description":
    "De pas die het lid bij de deur laat zien. Druk hem af, of laat de code van een scherm scannen.",
  "memberships.card.print": "Afdrukken",
  "memberships.card.loadError": "De pas kon niet worden geladen: {{message}}",
  "memberships.card.membership": "Lidmaatschap",
  "memberships.card.level": "Niveau {{level}}",
  "memberships.card.holder": "Lid",
  "memberships.card.number": "Nummer",
  "memberships.card.validUntil": "Geldig tot",
  "memberships.card.qr": "QR-code van {{code}}",

  // Zijkaart
  "memberships.side.title": "Lidmaatschappen",
  "memberships.side.none": "Geen actieve lidmaatschappen",
  "memberships.side.loadError": "De lidmaatschappen konden niet worden geladen",

  // Klanten › Lidmaatschappen
  "membershipsPage.navLabel": "Lidmaatschappen",
  "membershipsPage.title": "Abonnementen",
  "membershipsPage.subtitle":
    "Waar klanten lid van kunnen zijn: niveau, looptijd, voordeelgroep en hoe het verkocht wordt.",
  "membershipsPage.search": "Zoeken",
  "membershipsPage.loadError":
    "De abonnementen konden niet worden geladen: {{message}}",
  "membershipsPage.empty.heading": "Nog geen abonnementen",
  "membershipsPage.empty.description":
    "Maak een abonnement aan, zoals Vrienden van het Theater, om klanten lidmaatschappen te geven.",
  "membershipsPage.filtered.heading": "Geen passende abonnementen",
  "membershipsPage.filtered.description":
    "Geen abonnement past bij deze zoekopdracht.",
  "membershipsPage.pagination.of": "van",
  "membershipsPage.pagination.results": "resultaten",
  "membershipsPage.pagination.pages": "pagina's",
  "membershipsPage.pagination.prev": "Vorige",
  "membershipsPage.pagination.next": "Volgende",

  "membershipsPage.actions.create": "Aanmaken",
  "membershipsPage.actions.edit": "Bewerken",
  "membershipsPage.actions.delete": "Verwijderen",
  "membershipsPage.actions.cancel": "Annuleren",
  "membershipsPage.actions.save": "Opslaan",
  "membershipsPage.actions.menu": "Acties voor abonnement {{name}}",

  "membershipsPage.fields.name": "Naam",
  "membershipsPage.fields.description": "Omschrijving",
  "membershipsPage.fields.level": "Niveau",
  "membershipsPage.fields.duration": "Looptijd",
  "membershipsPage.fields.durationUnit": "Looptijd",
  "membershipsPage.fields.durationValue": "Aantal eenheden",
  "membershipsPage.fields.benefitGroup": "Voordeelgroep",
  "membershipsPage.fields.variant": "Verkocht via",
  "membershipsPage.fields.maxShares": "Medeleden",
  "membershipsPage.fields.reminderDays": "Herinnering (dagen voor vervallen)",
  "membershipsPage.fields.activeCount": "Actieve leden",
  "membershipsPage.fields.memberCount": "Alle leden",

  "membershipsPage.units.day": "Dagen",
  "membershipsPage.units.month": "Maanden",
  "membershipsPage.units.year": "Jaren",
  "membershipsPage.units.lifetime": "Levenslang",

  "membershipsPage.form.createTitle": "Abonnement aanmaken",
  "membershipsPage.form.editTitle": "Abonnement bewerken",
  "membershipsPage.form.description":
    "Een abonnement: naam, niveau, looptijd, voordeelgroep, de variant die het verkoopt, medeleden en herinneringen.",
  "membershipsPage.form.namePlaceholder": "Vrienden van het Theater",
  "membershipsPage.form.nameRequired": "Vul een naam in.",
  "membershipsPage.form.levelHint":
    "De rang van het abonnement: een hoger niveau is een beter abonnement.",
  "membershipsPage.form.benefitGroupHint":
    "Leden zitten in deze klantengroep zolang hun lidmaatschap actief is, zodat prijslijsten en promoties voor de groep voor hen gelden.",
  "membershipsPage.form.variantHint":
    "Wie deze productvariant koopt, krijgt (of verlengt) een lidmaatschap van dit abonnement.",
  "membershipsPage.form.searchVariants": "Zoeken op product, variant of SKU",
  "membershipsPage.form.noVariants": "Geen variant past bij deze zoekopdracht.",
  "membershipsPage.form.variantsError":
    "De varianten konden niet worden geladen: {{message}}",
  "membershipsPage.form.variantLoading": "Variant laden…",
  "membershipsPage.form.removeVariant": "Verwijderen",
  "membershipsPage.form.maxSharesHint":
    "Hoeveel medeleden één lidmaatschap mag toevoegen; 0 voor geen.",
  "membershipsPage.form.reminderDaysHint":
    "Mail de houder zoveel dagen voordat het verloopt; 0 voor geen herinnering.",
  "membershipsPage.form.wholeNumberMin": "Vul een heel getal van {{min}} of meer in.",
  "membershipsPage.form.wholeNumberRange":
    "Vul een heel getal van {{min}} tot en met {{max}} in.",

  "membershipsPage.toasts.created": "Abonnement {{name}} aangemaakt",
  "membershipsPage.toasts.updated": "Abonnement {{name}} bijgewerkt",
  "membershipsPage.toasts.deleted": "Abonnement {{name}} verwijderd",

  "membershipsPage.delete.title": "Abonnement {{name}} verwijderen?",
  "membershipsPage.delete.description":
    "Het abonnement {{name}} wordt definitief verwijderd. Dit kan niet ongedaan worden gemaakt.",
  "membershipsPage.delete.descriptionActive":
    "Het abonnement {{name}} heeft {{count}} actieve lidmaatschappen: het kan pas worden verwijderd als die verlopen of opgezegd zijn.",

  "membershipsPage.verify.title": "Pas controleren",
  "membershipsPage.verify.subtitle":
    "Scan of typ de code van een ledenpas om te zien of hij geldig is.",
  "membershipsPage.verify.placeholder": "Code van de pas",
  "membershipsPage.verify.submit": "Controleren",
  "membershipsPage.verify.error":
    "De pas kon niet worden gecontroleerd: {{message}}",
  "membershipsPage.verify.results.valid": "Geldig",
  "membershipsPage.verify.results.expired": "Verlopen",
  "membershipsPage.verify.results.cancelled": "Opgezegd",
  "membershipsPage.verify.results.replaced": "Vervangen pas",
  "membershipsPage.verify.results.invalid": "Geen echte pas",
  "membershipsPage.verify.hints.valid": "Dit lidmaatschap is actief.",
  "membershipsPage.verify.hints.expired":
    "Dit lidmaatschap is verlopen: het kan op de pagina van de klant worden verlengd.",
  "membershipsPage.verify.hints.cancelled": "Dit lidmaatschap is opgezegd.",
  "membershipsPage.verify.hints.replaced":
    "Deze pas is niet meer geldig: het lidmaatschap is weggegeven, het medelid verwijderd of er is een nieuwere pas uitgegeven. Vraag naar de huidige pas van het lid.",
  "membershipsPage.verify.hints.invalid":
    "Deze code is niet door deze winkel uitgegeven, of hij is gewijzigd.",
  "membershipsPage.verify.number": "Nummer",
  "membershipsPage.verify.holder": "Lid",
  "membershipsPage.verify.plan": "Abonnement",
  "membershipsPage.verify.validUntil": "Geldig tot",
  "membershipsPage.verify.status": "Status",
}
