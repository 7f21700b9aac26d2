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

  // Side card
  "identity.side.archived": "Archived",
  "identity.side.archivedOn": "Archived on {{date}}",
  "identity.side.duplicatesOne": "1 possible duplicate",
  "identity.side.duplicatesMany": "{{count}} possible duplicates",

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
    "Customers that share an e-mail address (primary or alternate) or a phone number. Open one to compare them.",
  "duplicatesPage.match.email": "E-mail",
  "duplicatesPage.match.phone": "Phone",
  "duplicatesPage.groupCount": "{{count}} customers",
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

  "identity.side.archived": "Gearchiveerd",
  "identity.side.archivedOn": "Gearchiveerd op {{date}}",
  "identity.side.duplicatesOne": "1 mogelijke dubbele klant",
  "identity.side.duplicatesMany": "{{count}} mogelijke dubbele klanten",

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
    "Klanten die een e-mailadres (primair of extra) of telefoonnummer delen. Open er een om ze te vergelijken.",
  "duplicatesPage.match.email": "E-mail",
  "duplicatesPage.match.phone": "Telefoon",
  "duplicatesPage.groupCount": "{{count}} klanten",
  "duplicatesPage.loadError":
    "De dubbele klanten konden niet worden geladen: {{message}}",
  "duplicatesPage.empty.heading": "Geen dubbele klanten",
  "duplicatesPage.empty.description":
    "Geen twee klanten delen een e-mailadres of telefoonnummer.",
}
