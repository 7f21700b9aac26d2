/** English strings of this part of the admin; the Dutch ones below must have every key. */
export const identityEn = {
  // Identity tab
  "identity.loadError": "The identity could not be loaded: {{message}}",
  "identity.hasAccount": "Has an online account",
  "identity.columns.name": "Name",
  "identity.columns.email": "E-mail",
  "identity.columns.phone": "Phone",
  "identity.columns.matchedBy": "Matched by",
  "identity.columns.created": "Created",
  "identity.columns.added": "Added",
  "identity.matches.email": "Same e-mail",
  "identity.matches.alternate_email": "Same alternate e-mail",
  "identity.matches.phone": "Same phone",

  // Status: archive and restore
  "identity.status.title": "Status",
  "identity.status.active": "Active",
  "identity.status.archived": "Archived",
  "identity.status.activeHint":
    "This customer shows in the CRM's lists and searches. Archive them to hide them there, e.g. an old or duplicate record: nothing is deleted.",
  "identity.archive.button": "Archive customer",
  "identity.archive.title": "Archive customer",
  "identity.archive.description":
    "Archiving hides this customer from the CRM's lists and searches. It deletes nothing: their orders, notes, memberships, points and account stay, and you can restore them at any time.",
  "identity.archive.reason": "Reason",
  "identity.archive.reasonHint":
    "Why they are archived, e.g. \"Duplicate of jane@example.com\". Shown on their page.",
  "identity.archive.submit": "Archive",
  "identity.archive.cancel": "Cancel",
  "identity.archive.done": "Customer archived",
  "identity.archived.title": "Archived on {{date}}",
  "identity.archived.reason": "Reason: {{reason}}",
  "identity.archived.noReason": "No reason given.",
  "identity.archived.hint":
    "Hidden from the CRM's lists and searches. Nothing was deleted.",
  "identity.restore": "Restore",
  "identity.restored": "Customer restored",

  // Alternate e-mails
  "identity.emails.title": "Alternate e-mails",
  "identity.emails.add": "Add e-mail",
  "identity.emails.emptyTitle": "No alternate e-mails",
  "identity.emails.emptyDescription":
    "Other addresses this customer uses, such as a work address. Searches and duplicate checks look at them too.",
  "identity.emails.sources.admin": "Added by an admin",
  "identity.emails.sources.merge": "From a merge",
  "identity.emails.sources.claim": "Claimed by the customer",
  "identity.emails.remove": "Remove",
  "identity.emails.removeLabel": "Remove {{email}}",
  "identity.emails.removeTitle": "Remove alternate e-mail?",
  "identity.emails.removeDescription":
    "{{email}} is no longer linked to this customer: searches and duplicate checks stop finding them by it.",
  "identity.emails.cancel": "Cancel",
  "identity.emails.removed": "{{email}} removed",

  "identity.emailForm.title": "Add e-mail",
  "identity.emailForm.description":
    "Another address of this customer's. It cannot be their primary e-mail or another customer's.",
  "identity.emailForm.email": "E-mail",
  "identity.emailForm.hint": "Saved in lower case.",
  "identity.emailForm.required": "Enter an e-mail address.",
  "identity.emailForm.invalid": "Enter a valid e-mail address.",
  "identity.emailForm.primary": "This is the customer's primary e-mail.",
  "identity.emailForm.duplicate": "This customer already has this e-mail.",
  "identity.emailForm.submit": "Add",
  "identity.emailForm.cancel": "Cancel",
  "identity.emailForm.added": "{{email}} added",

  // Possible duplicates
  "identity.duplicates.title": "Possible duplicates",
  "identity.duplicates.description":
    "Other customers with the same e-mail address (primary or alternate) or phone number.",
  "identity.duplicates.emptyTitle": "No possible duplicates",
  "identity.duplicates.emptyDescription":
    "No other customer shares an e-mail address or phone number with this customer.",
  "identity.duplicates.merge": "Merge…",

  // Merged records: the Identity tab's section
  "identity.merges.title": "Merged records",
  "identity.merges.description":
    "Records merged into this customer. A merge can be undone for a while.",
  "identity.merges.mergeOpen": "Merge with another customer",
  "identity.merges.linkOpen": "Link online account",
  "identity.merges.emptyTitle": "No merged records",
  "identity.merges.emptyDescription":
    "Records merged into this customer, or linked to their online account, are listed here.",
  "identity.merges.columns.record": "Record",
  "identity.merges.columns.merged": "Merged",
  "identity.merges.columns.moved": "Moved",
  "identity.merges.columns.status": "Status",
  "identity.merges.kinds.merge": "Merged",
  "identity.merges.kinds.link": "Linked",
  "identity.merges.kinds.claim": "Claimed",
  "identity.merges.status.merged": "Merged",
  "identity.merges.status.undone": "Undone",
  "identity.merges.undoUntil": "Can be undone until {{date}}",
  "identity.merges.undoneOn": "Undone on {{date}}",
  "identity.merges.nothingMoved": "Nothing moved",
  "identity.merges.moreCounts": "+{{count}} more",
  "identity.merges.actions": "Actions for {{name}}",
  "identity.merges.undo": "Undo merge",
  "identity.merges.undoTitle": "Undo merge?",
  "identity.merges.undoDescription":
    "{{name}} comes back as a record of its own, and what moved with the merge moves back to it.",
  "identity.merges.cancel": "Cancel",
  "identity.merges.undone": "Merge undone: {{name}} is back",
  "identity.merges.relink": "Link to another account",

  // Merge modal
  "identity.merge.title": "Merge customers",
  "identity.merge.description":
    "Two records of one customer become one. Pick the record to keep: the other one is merged into it and removed.",
  "identity.merge.other": "Customer to merge with",
  "identity.merge.search": "Search by name, e-mail or phone",
  "identity.merge.self": "This customer",
  "identity.merge.keep": "Keep this record",
  "identity.merge.keepHint":
    "The record you keep stays; the other one moves its data to it.",
  "identity.merge.stays": "Stays",
  "identity.merge.mergedAway": "Merged away",
  "identity.merge.created": "Created {{date}}",
  "identity.merge.confirm": "Merge records",
  "identity.merge.cancel": "Cancel",
  "identity.merge.done": "Records merged",
  "identity.merge.loadError": "The merge could not be previewed: {{message}}",

  // Link online account
  "identity.link.title": "Link online account",
  "identity.link.description":
    "Link this guest record to a customer's online account. The guest record is merged into the account and removed.",
  "identity.link.account": "Online account",
  "identity.link.search": "Search accounts by name, e-mail or phone",
  "identity.link.noMatches": "No online accounts match this search.",
  "identity.link.noAccounts":
    "No online accounts found. Search by name, e-mail or phone.",
  "identity.link.linkedNow": "Linked now",
  "identity.link.confirm": "Link account",
  "identity.link.cancel": "Cancel",
  "identity.link.done": "Linked to {{email}}",
  "identity.relink.title": "Link to another account",
  "identity.relink.description":
    "The link of {{name}} to this account is undone, then the record is linked to the account you pick. What moved with the link moves to the new account.",

  // Customer pickers
  "identity.picker.change": "Change",
  "identity.picker.noMatches": "No customers match this search.",
  "identity.picker.noCustomers": "No customers yet.",
  "identity.picker.error": "The customers could not be loaded: {{message}}",

  // Merge preview
  "identity.preview.moves": "What moves",
  "identity.preview.movesHint": "From {{source}} to {{survivor}}",
  "identity.preview.nothing": "Nothing to move",
  "identity.preview.alternate":
    "{{email}} becomes an alternate e-mail of the record you keep.",
  "identity.preview.stays": "What stays on the merged-away record",
  "identity.preview.staysHint":
    "The record you keep has its own, so these are not moved.",
  "identity.preview.staysTags": "Tags: {{tags}}",
  "identity.preview.staysProfile": "The profile",
  "identity.preview.staysDescription": "The internal description",
  "identity.preview.staysShares": "The co-member share between the two records (one person needs no share of their own membership)",
  "identity.preview.blockers": "These records cannot be merged",
  "identity.preview.undoOne": "You can undo this merge for 1 day.",
  "identity.preview.undoMany": "You can undo this merge for {{count}} days.",

  // What a merge moves
  "identity.counts.ordersOne": "{{count}} order",
  "identity.counts.ordersMany": "{{count}} orders",
  "identity.counts.addressesOne": "{{count}} address",
  "identity.counts.addressesMany": "{{count}} addresses",
  "identity.counts.notesOne": "{{count}} note",
  "identity.counts.notesMany": "{{count}} notes",
  "identity.counts.tagsOne": "{{count}} tag",
  "identity.counts.tagsMany": "{{count}} tags",
  "identity.counts.membershipsOne": "{{count}} membership",
  "identity.counts.membershipsMany": "{{count}} memberships",
  "identity.counts.sharesOne": "{{count}} shared membership",
  "identity.counts.sharesMany": "{{count}} shared memberships",
  "identity.counts.loyalty_entriesOne": "{{count}} loyalty entry",
  "identity.counts.loyalty_entriesMany": "{{count}} loyalty entries",
  "identity.counts.alternate_emailsOne": "{{count}} alternate e-mail",
  "identity.counts.alternate_emailsMany": "{{count}} alternate e-mails",
  "identity.counts.groupsOne": "{{count}} customer group",
  "identity.counts.groupsMany": "{{count}} customer groups",
  "identity.counts.storesOne": "{{count}} store",
  "identity.counts.storesMany": "{{count}} stores",
  "identity.counts.profile": "The profile",

  // Side card
  "identity.side.archived": "Archived",
  "identity.side.archivedOn": "Archived on {{date}}",
  "identity.side.duplicatesOne": "1 possible duplicate",
  "identity.side.duplicatesMany": "{{count}} possible duplicates",
  "identity.side.account": "Online account: {{email}}",

  // Customers › Find customers and Customers › Duplicates
  "identityPages.pagination.of": "of",
  "identityPages.pagination.results": "results",
  "identityPages.pagination.pages": "pages",
  "identityPages.pagination.prev": "Prev",
  "identityPages.pagination.next": "Next",

  "customersPage.navLabel": "Find customers",
  "customersPage.title": "Find customers",
  "customersPage.subtitle":
    "Search by name, e-mail (alternate ones too) or phone number.",
  "customersPage.search": "Search",
  "customersPage.field.label": "Search in",
  "customersPage.field.any": "Any",
  "customersPage.field.name": "Name",
  "customersPage.field.email": "E-mail",
  "customersPage.field.phone": "Phone",
  "customersPage.status.label": "Status",
  "customersPage.status.active": "Active",
  "customersPage.status.archived": "Archived",
  "customersPage.matches.name": "Name",
  "customersPage.matches.email": "E-mail",
  "customersPage.matches.alternate_email": "Alternate e-mail",
  "customersPage.matches.phone": "Phone",
  "customersPage.loadError": "The customers could not be loaded: {{message}}",
  "customersPage.empty.heading": "No customers yet",
  "customersPage.empty.description":
    "Customers appear here once they register or are added.",
  "customersPage.emptyArchived.heading": "No archived customers",
  "customersPage.emptyArchived.description":
    "Customers archived from the Identity tab of their page are listed here.",
  "customersPage.filtered.heading": "No matching customers",
  "customersPage.filtered.description":
    "No customer matches this search. Try another field, or the other status.",

  "duplicatesPage.navLabel": "Duplicates",
  "duplicatesPage.title": "Duplicates",
  "duplicatesPage.subtitle":
    "Customers that share an e-mail address (primary or alternate) or a phone number. Open one to compare them, or merge them.",
  "duplicatesPage.match.email": "E-mail",
  "duplicatesPage.match.phone": "Phone",
  "duplicatesPage.groupCount": "{{count}} customers",
  "duplicatesPage.columns.customers": "Customers",
  "duplicatesPage.merge": "Merge",
  "duplicatesPage.loadError": "The duplicates could not be loaded: {{message}}",
  "duplicatesPage.empty.heading": "No duplicates",
  "duplicatesPage.empty.description":
    "No two customers share an e-mail address or a phone number.",
}

export const identityNl: Record<keyof typeof identityEn, string> = {
  "identity.loadError": "De identiteit kon niet worden geladen: {{message}}",
  "identity.hasAccount": "Heeft een online account",
  "identity.columns.name": "Naam",
  "identity.columns.email": "E-mail",
  "identity.columns.phone": "Telefoon",
  "identity.columns.matchedBy": "Gevonden op",
  "identity.columns.created": "Aangemaakt",
  "identity.columns.added": "Toegevoegd",
  "identity.matches.email": "Zelfde e-mail",
  "identity.matches.alternate_email": "Zelfde extra e-mail",
  "identity.matches.phone": "Zelfde telefoon",

  "identity.status.title": "Status",
  "identity.status.active": "Actief",
  "identity.status.archived": "Gearchiveerd",
  "identity.status.activeHint":
    "Deze klant staat in de lijsten en zoekresultaten van het CRM. Archiveer een klant om hem daar te verbergen, bijv. een oud of dubbel record: er wordt niets verwijderd.",
  "identity.archive.button": "Klant archiveren",
  "identity.archive.title": "Klant archiveren",
  "identity.archive.description":
    "Archiveren verbergt deze klant in de lijsten en zoekresultaten van het CRM. Er wordt niets verwijderd: bestellingen, notities, lidmaatschappen, punten en het account blijven, en je kunt de klant altijd terugzetten.",
  "identity.archive.reason": "Reden",
  "identity.archive.reasonHint":
    "Waarom de klant wordt gearchiveerd, bijv. \"Dubbel met jane@example.com\". Zichtbaar op de pagina van de klant.",
  "identity.archive.submit": "Archiveren",
  "identity.archive.cancel": "Annuleren",
  "identity.archive.done": "Klant gearchiveerd",
  "identity.archived.title": "Gearchiveerd op {{date}}",
  "identity.archived.reason": "Reden: {{reason}}",
  "identity.archived.noReason": "Geen reden opgegeven.",
  "identity.archived.hint":
    "Verborgen in de lijsten en zoekresultaten van het CRM. Er is niets verwijderd.",
  "identity.restore": "Terugzetten",
  "identity.restored": "Klant teruggezet",

  "identity.emails.title": "Extra e-mailadressen",
  "identity.emails.add": "E-mail toevoegen",
  "identity.emails.emptyTitle": "Geen extra e-mailadressen",
  "identity.emails.emptyDescription":
    "Andere adressen die deze klant gebruikt, zoals een werkadres. Zoeken en de controle op dubbele klanten kijken er ook naar.",
  "identity.emails.sources.admin": "Toegevoegd door een beheerder",
  "identity.emails.sources.merge": "Uit samenvoegen",
  "identity.emails.sources.claim": "Geclaimd door de klant",
  "identity.emails.remove": "Verwijderen",
  "identity.emails.removeLabel": "{{email}} verwijderen",
  "identity.emails.removeTitle": "Extra e-mailadres verwijderen?",
  "identity.emails.removeDescription":
    "{{email}} hoort dan niet meer bij deze klant: zoeken en de controle op dubbele klanten vinden de klant er niet meer mee.",
  "identity.emails.cancel": "Annuleren",
  "identity.emails.removed": "{{email}} verwijderd",

  "identity.emailForm.title": "E-mail toevoegen",
  "identity.emailForm.description":
    "Een ander adres van deze klant. Het mag niet het primaire e-mailadres van de klant zijn, of dat van een andere klant.",
  "identity.emailForm.email": "E-mail",
  "identity.emailForm.hint": "Opgeslagen in kleine letters.",
  "identity.emailForm.required": "Vul een e-mailadres in.",
  "identity.emailForm.invalid": "Vul een geldig e-mailadres in.",
  "identity.emailForm.primary": "Dit is het primaire e-mailadres van de klant.",
  "identity.emailForm.duplicate": "Deze klant heeft dit e-mailadres al.",
  "identity.emailForm.submit": "Toevoegen",
  "identity.emailForm.cancel": "Annuleren",
  "identity.emailForm.added": "{{email}} toegevoegd",

  "identity.duplicates.title": "Mogelijke dubbele klanten",
  "identity.duplicates.description":
    "Andere klanten met hetzelfde e-mailadres (primair of extra) of telefoonnummer.",
  "identity.duplicates.emptyTitle": "Geen mogelijke dubbele klanten",
  "identity.duplicates.emptyDescription":
    "Geen andere klant deelt een e-mailadres of telefoonnummer met deze klant.",
  "identity.duplicates.merge": "Samenvoegen…",

  "identity.merges.title": "Samengevoegde records",
  "identity.merges.description":
    "Records die met deze klant zijn samengevoegd. Samenvoegen kan een tijd lang ongedaan worden gemaakt.",
  "identity.merges.mergeOpen": "Samenvoegen met een andere klant",
  "identity.merges.linkOpen": "Online account koppelen",
  "identity.merges.emptyTitle": "Geen samengevoegde records",
  "identity.merges.emptyDescription":
    "Records die met deze klant zijn samengevoegd of aan het online account zijn gekoppeld, staan hier.",
  "identity.merges.columns.record": "Record",
  "identity.merges.columns.merged": "Samengevoegd",
  "identity.merges.columns.moved": "Verplaatst",
  "identity.merges.columns.status": "Status",
  "identity.merges.kinds.merge": "Samengevoegd",
  "identity.merges.kinds.link": "Gekoppeld",
  "identity.merges.kinds.claim": "Geclaimd",
  "identity.merges.status.merged": "Samengevoegd",
  "identity.merges.status.undone": "Ongedaan gemaakt",
  "identity.merges.undoUntil": "Ongedaan te maken tot {{date}}",
  "identity.merges.undoneOn": "Ongedaan gemaakt op {{date}}",
  "identity.merges.nothingMoved": "Niets verplaatst",
  "identity.merges.moreCounts": "+{{count}} meer",
  "identity.merges.actions": "Acties voor {{name}}",
  "identity.merges.undo": "Samenvoegen ongedaan maken",
  "identity.merges.undoTitle": "Samenvoegen ongedaan maken?",
  "identity.merges.undoDescription":
    "{{name}} wordt weer een eigen record, en wat met het samenvoegen is verplaatst, gaat ernaar terug.",
  "identity.merges.cancel": "Annuleren",
  "identity.merges.undone": "Samenvoegen ongedaan gemaakt: {{name}} is terug",
  "identity.merges.relink": "Aan een ander account koppelen",

  "identity.merge.title": "Klanten samenvoegen",
  "identity.merge.description":
    "Twee records van één klant worden er één. Kies het record dat je houdt: het andere wordt ermee samengevoegd en verwijderd.",
  "identity.merge.other": "Klant om mee samen te voegen",
  "identity.merge.search": "Zoek op naam, e-mail of telefoon",
  "identity.merge.self": "Deze klant",
  "identity.merge.keep": "Dit record houden",
  "identity.merge.keepHint":
    "Het record dat je houdt blijft; het andere verplaatst zijn gegevens ernaar.",
  "identity.merge.stays": "Blijft",
  "identity.merge.mergedAway": "Wordt samengevoegd",
  "identity.merge.created": "Aangemaakt op {{date}}",
  "identity.merge.confirm": "Records samenvoegen",
  "identity.merge.cancel": "Annuleren",
  "identity.merge.done": "Records samengevoegd",
  "identity.merge.loadError":
    "Het samenvoegen kon niet worden voorbereid: {{message}}",

  "identity.link.title": "Online account koppelen",
  "identity.link.description":
    "Koppel dit gastrecord aan het online account van een klant. Het gastrecord wordt met het account samengevoegd en verwijderd.",
  "identity.link.account": "Online account",
  "identity.link.search": "Zoek accounts op naam, e-mail of telefoon",
  "identity.link.noMatches": "Geen online accounts gevonden voor deze zoekopdracht.",
  "identity.link.noAccounts":
    "Geen online accounts gevonden. Zoek op naam, e-mail of telefoon.",
  "identity.link.linkedNow": "Nu gekoppeld",
  "identity.link.confirm": "Account koppelen",
  "identity.link.cancel": "Annuleren",
  "identity.link.done": "Gekoppeld aan {{email}}",
  "identity.relink.title": "Aan een ander account koppelen",
  "identity.relink.description":
    "De koppeling van {{name}} aan dit account wordt ongedaan gemaakt, daarna wordt het record gekoppeld aan het account dat je kiest. Wat met de koppeling is verplaatst, gaat naar het nieuwe account.",

  "identity.picker.change": "Wijzigen",
  "identity.picker.noMatches": "Geen klanten gevonden voor deze zoekopdracht.",
  "identity.picker.noCustomers": "Nog geen klanten.",
  "identity.picker.error": "De klanten konden niet worden geladen: {{message}}",

  "identity.preview.moves": "Wat wordt verplaatst",
  "identity.preview.movesHint": "Van {{source}} naar {{survivor}}",
  "identity.preview.nothing": "Niets om te verplaatsen",
  "identity.preview.alternate":
    "{{email}} wordt een extra e-mailadres van het record dat je houdt.",
  "identity.preview.stays": "Wat op het samengevoegde record blijft",
  "identity.preview.staysHint":
    "Het record dat je houdt heeft deze zelf al, dus ze worden niet verplaatst.",
  "identity.preview.staysTags": "Labels: {{tags}}",
  "identity.preview.staysProfile": "Het profiel",
  "identity.preview.staysDescription": "De omschrijving",
  "identity.preview.staysShares": "Het medelidmaatschap tussen de twee klanten (één persoon deelt geen lidmaatschap met zichzelf)",
  "identity.preview.blockers": "Deze records kunnen niet worden samengevoegd",
  "identity.preview.undoOne":
    "Je kunt dit samenvoegen 1 dag lang ongedaan maken.",
  "identity.preview.undoMany":
    "Je kunt dit samenvoegen {{count}} dagen lang ongedaan maken.",

  "identity.counts.ordersOne": "{{count}} bestelling",
  "identity.counts.ordersMany": "{{count}} bestellingen",
  "identity.counts.addressesOne": "{{count}} adres",
  "identity.counts.addressesMany": "{{count}} adressen",
  "identity.counts.notesOne": "{{count}} notitie",
  "identity.counts.notesMany": "{{count}} notities",
  "identity.counts.tagsOne": "{{count}} label",
  "identity.counts.tagsMany": "{{count}} labels",
  "identity.counts.membershipsOne": "{{count}} lidmaatschap",
  "identity.counts.membershipsMany": "{{count}} lidmaatschappen",
  "identity.counts.sharesOne": "{{count}} gedeeld lidmaatschap",
  "identity.counts.sharesMany": "{{count}} gedeelde lidmaatschappen",
  "identity.counts.loyalty_entriesOne": "{{count}} puntenmutatie",
  "identity.counts.loyalty_entriesMany": "{{count}} puntenmutaties",
  "identity.counts.alternate_emailsOne": "{{count}} extra e-mailadres",
  "identity.counts.alternate_emailsMany": "{{count}} extra e-mailadressen",
  "identity.counts.groupsOne": "{{count}} klantgroep",
  "identity.counts.groupsMany": "{{count}} klantgroepen",
  "identity.counts.storesOne": "{{count}} winkel",
  "identity.counts.storesMany": "{{count}} winkels",
  "identity.counts.profile": "Het profiel",

  "identity.side.archived": "Gearchiveerd",
  "identity.side.archivedOn": "Gearchiveerd op {{date}}",
  "identity.side.duplicatesOne": "1 mogelijke dubbele klant",
  "identity.side.duplicatesMany": "{{count}} mogelijke dubbele klanten",
  "identity.side.account": "Online account: {{email}}",

  "identityPages.pagination.of": "van",
  "identityPages.pagination.results": "resultaten",
  "identityPages.pagination.pages": "pagina's",
  "identityPages.pagination.prev": "Vorige",
  "identityPages.pagination.next": "Volgende",

  "customersPage.navLabel": "Klanten zoeken",
  "customersPage.title": "Klanten zoeken",
  "customersPage.subtitle":
    "Zoek op naam, e-mail (ook extra adressen) of telefoonnummer.",
  "customersPage.search": "Zoeken",
  "customersPage.field.label": "Zoeken in",
  "customersPage.field.any": "Alles",
  "customersPage.field.name": "Naam",
  "customersPage.field.email": "E-mail",
  "customersPage.field.phone": "Telefoon",
  "customersPage.status.label": "Status",
  "customersPage.status.active": "Actief",
  "customersPage.status.archived": "Gearchiveerd",
  "customersPage.matches.name": "Naam",
  "customersPage.matches.email": "E-mail",
  "customersPage.matches.alternate_email": "Extra e-mail",
  "customersPage.matches.phone": "Telefoon",
  "customersPage.loadError": "De klanten konden niet worden geladen: {{message}}",
  "customersPage.empty.heading": "Nog geen klanten",
  "customersPage.empty.description":
    "Klanten verschijnen hier zodra ze zich registreren of worden toegevoegd.",
  "customersPage.emptyArchived.heading": "Geen gearchiveerde klanten",
  "customersPage.emptyArchived.description":
    "Klanten die op het tabblad Identiteit van hun pagina zijn gearchiveerd, staan hier.",
  "customersPage.filtered.heading": "Geen klanten gevonden",
  "customersPage.filtered.description":
    "Geen klant past bij deze zoekopdracht. Probeer een ander veld of de andere status.",

  "duplicatesPage.navLabel": "Dubbele klanten",
  "duplicatesPage.title": "Dubbele klanten",
  "duplicatesPage.subtitle":
    "Klanten die een e-mailadres (primair of extra) of telefoonnummer delen. Open er een om ze te vergelijken, of voeg ze samen.",
  "duplicatesPage.match.email": "E-mail",
  "duplicatesPage.match.phone": "Telefoon",
  "duplicatesPage.groupCount": "{{count}} klanten",
  "duplicatesPage.columns.customers": "Klanten",
  "duplicatesPage.merge": "Samenvoegen",
  "duplicatesPage.loadError":
    "De dubbele klanten konden niet worden geladen: {{message}}",
  "duplicatesPage.empty.heading": "Geen dubbele klanten",
  "duplicatesPage.empty.description":
    "Geen twee klanten delen een e-mailadres of telefoonnummer.",
}
