/** The door scanner keys section of Customers › Memberships. */
export const scannerKeysEn = {
  "scannerKeys.title": "Scanner keys",
  "scannerKeys.subtitle":
    "A scanner key lets a door device check membership cards, and nothing else: no admin login needed on the device. Send it in the x-scanner-key header.",
  "scannerKeys.create": "Create scanner key",
  "scannerKeys.loadError": "The scanner keys could not be loaded: {{message}}",
  "scannerKeys.emptyTitle": "No scanner keys yet",
  "scannerKeys.emptyDescription":
    "Create a key for each door device that checks membership cards.",
  "scannerKeys.columns.name": "Name",
  "scannerKeys.columns.key": "Key",
  "scannerKeys.columns.created": "Created",
  "scannerKeys.columns.lastUsed": "Last used",
  "scannerKeys.columns.status": "Status",
  "scannerKeys.neverUsed": "Never",
  "scannerKeys.status.active": "Active",
  "scannerKeys.status.revoked": "Revoked",
  "scannerKeys.actions.menu": "Actions for scanner key {{name}}",
  "scannerKeys.actions.revoke": "Revoke",
  "scannerKeys.actions.cancel": "Cancel",
  "scannerKeys.revoke.title": "Revoke scanner key {{name}}?",
  "scannerKeys.revoke.description":
    "Devices using {{name}} can no longer check cards. This cannot be undone.",
  "scannerKeys.toasts.created": "Scanner key {{name}} created",
  "scannerKeys.toasts.revoked": "Scanner key {{name}} revoked",
  "scannerKeys.form.title": "Create scanner key",
  "scannerKeys.form.description":
    "Name the key after the device or the door it is for.",
  "scannerKeys.form.name": "Name",
  "scannerKeys.form.namePlaceholder": "Front door",
  "scannerKeys.form.nameRequired": "Enter a name.",
  "scannerKeys.form.submit": "Create",
  "scannerKeys.form.cancel": "Cancel",
  "scannerKeys.created.title": "Copy the key now",
  "scannerKeys.created.description":
    "This is the only time the key is shown: only a fingerprint of it is stored. Enter it on the scanner device.",
  "scannerKeys.created.copy": "Copy key",
  "scannerKeys.created.done": "Done",
}

export const scannerKeysNl: Record<keyof typeof scannerKeysEn, string> = {
  "scannerKeys.title": "Scannersleutels",
  "scannerKeys.subtitle":
    "Met een scannersleutel kan een apparaat bij de deur lidmaatschapspassen controleren, en verder niets: er is geen beheerderslogin op het apparaat nodig. Stuur hem mee in de header x-scanner-key.",
  "scannerKeys.create": "Scannersleutel aanmaken",
  "scannerKeys.loadError":
    "De scannersleutels konden niet worden geladen: {{message}}",
  "scannerKeys.emptyTitle": "Nog geen scannersleutels",
  "scannerKeys.emptyDescription":
    "Maak een sleutel aan voor elk apparaat bij de deur dat lidmaatschapspassen controleert.",
  "scannerKeys.columns.name": "Naam",
  "scannerKeys.columns.key": "Sleutel",
  "scannerKeys.columns.created": "Aangemaakt",
  "scannerKeys.columns.lastUsed": "Laatst gebruikt",
  "scannerKeys.columns.status": "Status",
  "scannerKeys.neverUsed": "Nooit",
  "scannerKeys.status.active": "Actief",
  "scannerKeys.status.revoked": "Ingetrokken",
  "scannerKeys.actions.menu": "Acties voor scannersleutel {{name}}",
  "scannerKeys.actions.revoke": "Intrekken",
  "scannerKeys.actions.cancel": "Annuleren",
  "scannerKeys.revoke.title": "Scannersleutel {{name}} intrekken?",
  "scannerKeys.revoke.description":
    "Apparaten die {{name}} gebruiken kunnen geen passen meer controleren. Dit kan niet ongedaan worden gemaakt.",
  "scannerKeys.toasts.created": "Scannersleutel {{name}} aangemaakt",
  "scannerKeys.toasts.revoked": "Scannersleutel {{name}} ingetrokken",
  "scannerKeys.form.title": "Scannersleutel aanmaken",
  "scannerKeys.form.description":
    "Geef de sleutel de naam van het apparaat of de deur waarvoor hij is.",
  "scannerKeys.form.name": "Naam",
  "scannerKeys.form.namePlaceholder": "Voordeur",
  "scannerKeys.form.nameRequired": "Vul een naam in.",
  "scannerKeys.form.submit": "Aanmaken",
  "scannerKeys.form.cancel": "Annuleren",
  "scannerKeys.created.title": "Kopieer de sleutel nu",
  "scannerKeys.created.description":
    "Dit is de enige keer dat de sleutel wordt getoond: alleen een vingerafdruk ervan wordt bewaard. Voer hem in op het scanapparaat.",
  "scannerKeys.created.copy": "Sleutel kopiëren",
  "scannerKeys.created.done": "Klaar",
}
