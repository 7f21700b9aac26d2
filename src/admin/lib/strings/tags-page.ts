/** English strings of this part of the admin; the Dutch ones below must have every key. */
export const tagsPageEn = {
  "tagsPage.navLabel": "Tags",
  "tagsPage.title": "Tags",
  "tagsPage.subtitle":
    "Key-value tags to label customers, optionally with a benefit.",
  "tagsPage.search": "Search",
  "tagsPage.loadError": "The tags could not be loaded: {{message}}",
  "tagsPage.empty.heading": "No tags yet",
  "tagsPage.empty.description":
    "Create a tag to label customers, such as vip or staff.",
  "tagsPage.filtered.heading": "No matching tags",
  "tagsPage.filtered.description": "No tag matches this search.",
  "tagsPage.pagination.of": "of",
  "tagsPage.pagination.results": "results",
  "tagsPage.pagination.pages": "pages",
  "tagsPage.pagination.prev": "Prev",
  "tagsPage.pagination.next": "Next",

  "tagsPage.actions.create": "Create",
  "tagsPage.actions.edit": "Edit",
  "tagsPage.actions.delete": "Delete",
  "tagsPage.actions.cancel": "Cancel",
  "tagsPage.actions.save": "Save",
  "tagsPage.actions.menu": "Tag actions",

  "tagsPage.fields.key": "Key",
  "tagsPage.fields.label": "Label",
  "tagsPage.fields.description": "Description",
  "tagsPage.fields.color": "Colour",
  "tagsPage.fields.valueMode": "Value type",
  "tagsPage.fields.benefitGroup": "Benefit group",
  "tagsPage.fields.customers": "Customers",
  "tagsPage.fields.benefitOrders": "Benefit orders",
  "tagsPage.fields.createdAt": "Created",
  "tagsPage.fields.updatedAt": "Updated",

  "tagsPage.colors.grey": "Grey",
  "tagsPage.colors.red": "Red",
  "tagsPage.colors.green": "Green",
  "tagsPage.colors.blue": "Blue",
  "tagsPage.colors.orange": "Orange",
  "tagsPage.colors.purple": "Purple",

  "tagsPage.valueModes.flag": "Flag",
  "tagsPage.valueModes.text": "Free text",
  "tagsPage.valueModes.list": "List",
  "tagsPage.valueModes.listOfOne": "List of 1 value",
  "tagsPage.valueModes.listOfMany": "List of {{count}} values",

  "tagsPage.form.createTitle": "Create tag",
  "tagsPage.form.editTitle": "Edit tag",
  "tagsPage.form.description":
    "A tag customers can carry: its key, label, colour, kind of value and benefit.",
  "tagsPage.form.keyPlaceholder": "vip",
  "tagsPage.form.keyHint":
    "Letters, digits, _ . and - only, at most 64 characters. The key cannot be changed later.",
  "tagsPage.form.keyLocked": "The key cannot be changed.",
  "tagsPage.form.keyRequired": "Enter a key.",
  "tagsPage.form.keyInvalid":
    "Use only letters, digits, _ . and -, at most 64 characters.",
  "tagsPage.form.labelPlaceholder": "VIP customer",
  "tagsPage.form.labelHint": "The name shown to admins.",
  "tagsPage.form.labelRequired": "Enter a label.",
  "tagsPage.form.descriptionPlaceholder":
    "What the tag means and when to use it",
  "tagsPage.form.color": "Colour",
  "tagsPage.form.preview": "Preview:",
  "tagsPage.form.previewKey": "key",
  "tagsPage.form.valueModeLocked": "The kind of value cannot be changed.",
  "tagsPage.form.valueModeHints.flag":
    "The tag is there or not; it has no value.",
  "tagsPage.form.valueModeHints.text": "Each customer gets a value of its own.",
  "tagsPage.form.valueModeHints.list":
    "The value is one of a fixed list of values.",
  "tagsPage.form.allowedValues": "Allowed values",
  "tagsPage.form.allowedValuesPlaceholder": "Type a value and press Enter",
  "tagsPage.form.allowedValuesHint":
    "Press Enter or type a comma after each value; a comma-separated list adds them all.",
  "tagsPage.form.allowedValuesRequired": "Add at least one value.",
  "tagsPage.form.allowedValuesTooMany": "Add at most {{max}} values.",
  "tagsPage.form.allowedValueTooLong":
    "A value can have at most {{max}} characters.",
  "tagsPage.form.addValue": "Add",
  "tagsPage.form.removeValue": "Remove {{value}}",
  "tagsPage.form.noBenefitGroup": "None",
  "tagsPage.form.benefitGroupLoading": "Loading customer groups…",
  "tagsPage.form.benefitGroupHint":
    "Customers with this tag are put into this customer group, so promotions limited to the group apply to them.",

  "tagsPage.toasts.created": "Tag {{key}} created",
  "tagsPage.toasts.updated": "Tag {{key}} updated",
  "tagsPage.toasts.deleted": "Tag {{key}} deleted",

  "tagsPage.delete.title": "Delete tag {{key}}?",
  "tagsPage.delete.description":
    "The tag {{key}} will be deleted permanently. This cannot be undone.",
  "tagsPage.delete.descriptionInUse":
    "The tag {{key}} will be deleted permanently and removed from the {{count}} customers who carry it. This cannot be undone.",

  "tagsPage.detail.addToCustomers": "Add to customers",
  "tagsPage.detail.noBenefitGroup": "None",
  "tagsPage.detail.notFound": "Tag not found",
  "tagsPage.detail.notFoundDescription":
    "This tag does not exist or has been deleted.",
  "tagsPage.detail.loadErrorTitle": "Something went wrong",
  "tagsPage.detail.backToList": "Back to tags",

  "tagsPage.usage.title": "Usage",
  "tagsPage.usage.customers": "Customers with this tag",
  "tagsPage.usage.benefitOrders": "Orders that used the benefit",
  "tagsPage.usage.hint":
    "Orders of customers with this tag that used a promotion limited to the benefit group {{group}}.",
  "tagsPage.usage.hintNoGroup":
    "Orders of customers with this tag that used a promotion limited to the benefit group. This tag has no benefit group.",
  "tagsPage.usage.salesChannel": "Sales channel",
  "tagsPage.usage.orders": "Orders",
  "tagsPage.usage.noOrders": "No orders have used the benefit yet.",
  "tagsPage.usage.noGroup": "Without a benefit group no orders are counted.",
  "tagsPage.usage.noChannel": "No sales channel",
  "tagsPage.usage.unknownChannel": "Deleted sales channel",

  "tagsPage.bulk.title": "Add to customers",
  "tagsPage.bulk.description":
    "Pick the customers who get this tag, with its value and an optional expiry date.",
  "tagsPage.bulk.value": "Value",
  "tagsPage.bulk.valueHint": "Every selected customer gets this value.",
  "tagsPage.bulk.valuePlaceholder": "Choose a value",
  "tagsPage.bulk.valueRequired": "Choose a value.",
  "tagsPage.bulk.expiresAt": "Expires on",
  "tagsPage.bulk.expiresAtHint":
    "The tag is removed at the end of this day. Leave empty to keep it.",
  "tagsPage.bulk.customers": "Customers",
  "tagsPage.bulk.searchPlaceholder": "Search by name or e-mail",
  "tagsPage.bulk.selectShown": "Select the {{count}} shown",
  "tagsPage.bulk.clearSelection": "Clear selection",
  "tagsPage.bulk.noCustomers": "There are no customers yet.",
  "tagsPage.bulk.noMatches": "No customer matches this search.",
  "tagsPage.bulk.loadError": "The customers could not be loaded: {{message}}",
  "tagsPage.bulk.showingOf":
    "Showing {{shown}} of {{count}} customers: search to find others.",
  "tagsPage.bulk.selected": "{{count}} selected",
  "tagsPage.bulk.submit": "Add to customers",
  "tagsPage.bulk.submitCount": "Add to customers ({{count}})",
  "tagsPage.bulk.result":
    "Added {{added}}, skipped {{skipped}} (already tagged)",
}

export const tagsPageNl: Record<keyof typeof tagsPageEn, string> = {
  "tagsPage.navLabel": "Labels",
  "tagsPage.title": "Labels",
  "tagsPage.subtitle":
    "Labels met een sleutel en waarde om klanten te kenmerken, eventueel met een voordeel.",
  "tagsPage.search": "Zoeken",
  "tagsPage.loadError": "De labels konden niet worden geladen: {{message}}",
  "tagsPage.empty.heading": "Nog geen labels",
  "tagsPage.empty.description":
    "Maak een label aan om klanten te kenmerken, zoals vip of personeel.",
  "tagsPage.filtered.heading": "Geen labels gevonden",
  "tagsPage.filtered.description":
    "Geen enkel label past bij deze zoekopdracht.",
  "tagsPage.pagination.of": "van",
  "tagsPage.pagination.results": "resultaten",
  "tagsPage.pagination.pages": "pagina's",
  "tagsPage.pagination.prev": "Vorige",
  "tagsPage.pagination.next": "Volgende",

  "tagsPage.actions.create": "Aanmaken",
  "tagsPage.actions.edit": "Bewerken",
  "tagsPage.actions.delete": "Verwijderen",
  "tagsPage.actions.cancel": "Annuleren",
  "tagsPage.actions.save": "Opslaan",
  "tagsPage.actions.menu": "Acties voor label",

  "tagsPage.fields.key": "Sleutel",
  "tagsPage.fields.label": "Naam",
  "tagsPage.fields.description": "Beschrijving",
  "tagsPage.fields.color": "Kleur",
  "tagsPage.fields.valueMode": "Soort waarde",
  "tagsPage.fields.benefitGroup": "Voordeelgroep",
  "tagsPage.fields.customers": "Klanten",
  "tagsPage.fields.benefitOrders": "Bestellingen met voordeel",
  "tagsPage.fields.createdAt": "Aangemaakt",
  "tagsPage.fields.updatedAt": "Bijgewerkt",

  "tagsPage.colors.grey": "Grijs",
  "tagsPage.colors.red": "Rood",
  "tagsPage.colors.green": "Groen",
  "tagsPage.colors.blue": "Blauw",
  "tagsPage.colors.orange": "Oranje",
  "tagsPage.colors.purple": "Paars",

  "tagsPage.valueModes.flag": "Vlag",
  "tagsPage.valueModes.text": "Vrije tekst",
  "tagsPage.valueModes.list": "Lijst",
  "tagsPage.valueModes.listOfOne": "Lijst van 1 waarde",
  "tagsPage.valueModes.listOfMany": "Lijst van {{count}} waarden",

  "tagsPage.form.createTitle": "Label aanmaken",
  "tagsPage.form.editTitle": "Label bewerken",
  "tagsPage.form.description":
    "Een label dat klanten kunnen dragen: sleutel, naam, kleur, soort waarde en voordeel.",
  "tagsPage.form.keyPlaceholder": "vip",
  "tagsPage.form.keyHint":
    "Alleen letters, cijfers, _ . en -, hoogstens 64 tekens. De sleutel kan later niet meer worden gewijzigd.",
  "tagsPage.form.keyLocked": "De sleutel kan niet worden gewijzigd.",
  "tagsPage.form.keyRequired": "Vul een sleutel in.",
  "tagsPage.form.keyInvalid":
    "Gebruik alleen letters, cijfers, _ . en -, hoogstens 64 tekens.",
  "tagsPage.form.labelPlaceholder": "VIP-klant",
  "tagsPage.form.labelHint": "De naam die beheerders zien.",
  "tagsPage.form.labelRequired": "Vul een naam in.",
  "tagsPage.form.descriptionPlaceholder":
    "Wat het label betekent en wanneer je het gebruikt",
  "tagsPage.form.color": "Kleur",
  "tagsPage.form.preview": "Voorbeeld:",
  "tagsPage.form.previewKey": "sleutel",
  "tagsPage.form.valueModeLocked": "De soort waarde kan niet worden gewijzigd.",
  "tagsPage.form.valueModeHints.flag":
    "Het label is er of niet; het heeft geen waarde.",
  "tagsPage.form.valueModeHints.text": "Elke klant krijgt een eigen waarde.",
  "tagsPage.form.valueModeHints.list":
    "De waarde is een van een vaste lijst waarden.",
  "tagsPage.form.allowedValues": "Toegestane waarden",
  "tagsPage.form.allowedValuesPlaceholder": "Typ een waarde en druk op Enter",
  "tagsPage.form.allowedValuesHint":
    "Druk op Enter of typ een komma na elke waarde; een lijst met komma's voegt ze allemaal toe.",
  "tagsPage.form.allowedValuesRequired": "Voeg minstens één waarde toe.",
  "tagsPage.form.allowedValuesTooMany": "Voeg hoogstens {{max}} waarden toe.",
  "tagsPage.form.allowedValueTooLong":
    "Een waarde mag hoogstens {{max}} tekens hebben.",
  "tagsPage.form.addValue": "Toevoegen",
  "tagsPage.form.removeValue": "{{value}} verwijderen",
  "tagsPage.form.noBenefitGroup": "Geen",
  "tagsPage.form.benefitGroupLoading": "Klantengroepen laden…",
  "tagsPage.form.benefitGroupHint":
    "Klanten met dit label komen in deze klantengroep, zodat promoties die tot de groep beperkt zijn voor hen gelden.",

  "tagsPage.toasts.created": "Label {{key}} aangemaakt",
  "tagsPage.toasts.updated": "Label {{key}} bijgewerkt",
  "tagsPage.toasts.deleted": "Label {{key}} verwijderd",

  "tagsPage.delete.title": "Label {{key}} verwijderen?",
  "tagsPage.delete.description":
    "Het label {{key}} wordt definitief verwijderd. Dit kan niet ongedaan worden gemaakt.",
  "tagsPage.delete.descriptionInUse":
    "Het label {{key}} wordt definitief verwijderd en weggehaald bij de {{count}} klanten die het dragen. Dit kan niet ongedaan worden gemaakt.",

  "tagsPage.detail.addToCustomers": "Aan klanten toevoegen",
  "tagsPage.detail.noBenefitGroup": "Geen",
  "tagsPage.detail.notFound": "Label niet gevonden",
  "tagsPage.detail.notFoundDescription":
    "Dit label bestaat niet of is verwijderd.",
  "tagsPage.detail.loadErrorTitle": "Er ging iets mis",
  "tagsPage.detail.backToList": "Terug naar labels",

  "tagsPage.usage.title": "Gebruik",
  "tagsPage.usage.customers": "Klanten met dit label",
  "tagsPage.usage.benefitOrders": "Bestellingen die het voordeel gebruikten",
  "tagsPage.usage.hint":
    "Bestellingen van klanten met dit label die een promotie gebruikten die beperkt is tot de voordeelgroep {{group}}.",
  "tagsPage.usage.hintNoGroup":
    "Bestellingen van klanten met dit label die een promotie gebruikten die beperkt is tot de voordeelgroep. Dit label heeft geen voordeelgroep.",
  "tagsPage.usage.salesChannel": "Verkoopkanaal",
  "tagsPage.usage.orders": "Bestellingen",
  "tagsPage.usage.noOrders":
    "Nog geen bestellingen hebben het voordeel gebruikt.",
  "tagsPage.usage.noGroup":
    "Zonder voordeelgroep worden geen bestellingen geteld.",
  "tagsPage.usage.noChannel": "Geen verkoopkanaal",
  "tagsPage.usage.unknownChannel": "Verwijderd verkoopkanaal",

  "tagsPage.bulk.title": "Aan klanten toevoegen",
  "tagsPage.bulk.description":
    "Kies de klanten die dit label krijgen, met de waarde en een optionele vervaldatum.",
  "tagsPage.bulk.value": "Waarde",
  "tagsPage.bulk.valueHint": "Elke gekozen klant krijgt deze waarde.",
  "tagsPage.bulk.valuePlaceholder": "Kies een waarde",
  "tagsPage.bulk.valueRequired": "Kies een waarde.",
  "tagsPage.bulk.expiresAt": "Vervalt op",
  "tagsPage.bulk.expiresAtHint":
    "Het label wordt aan het eind van deze dag verwijderd. Laat leeg om het te houden.",
  "tagsPage.bulk.customers": "Klanten",
  "tagsPage.bulk.searchPlaceholder": "Zoeken op naam of e-mailadres",
  "tagsPage.bulk.selectShown": "De {{count}} getoonde selecteren",
  "tagsPage.bulk.clearSelection": "Selectie wissen",
  "tagsPage.bulk.noCustomers": "Er zijn nog geen klanten.",
  "tagsPage.bulk.noMatches": "Geen klant past bij deze zoekopdracht.",
  "tagsPage.bulk.loadError":
    "De klanten konden niet worden geladen: {{message}}",
  "tagsPage.bulk.showingOf":
    "{{shown}} van {{count}} klanten getoond: zoek om anderen te vinden.",
  "tagsPage.bulk.selected": "{{count}} geselecteerd",
  "tagsPage.bulk.submit": "Aan klanten toevoegen",
  "tagsPage.bulk.submitCount": "Aan klanten toevoegen ({{count}})",
  "tagsPage.bulk.result":
    "{{added}} toegevoegd, {{skipped}} overgeslagen (hadden het label al)",
}
