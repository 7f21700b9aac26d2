/**
 * What anonymized values become. Personal values become null where the column allows it; where a
 * value is needed (Medusa's customer and order e-mails, which its indexes and dashboard expect),
 * a placeholder unique per record, so Medusa's unique `(email, has_account)` index, the alternate
 * e-mail index and the duplicate groups never put two anonymized people together.
 */
export const ANONYMIZED_EMAIL_DOMAIN = "anonymized.invalid"

/** The placeholder e-mail of an anonymized record: `<record id>@anonymized.invalid`. */
export function anonymizedEmail(recordId: string): string {
  return `${recordId.toLowerCase()}@${ANONYMIZED_EMAIL_DOMAIN}`
}

/** Whether an e-mail is an anonymization placeholder. */
export function isAnonymizedEmail(email: string | null | undefined): boolean {
  return !!email && email.toLowerCase().endsWith(`@${ANONYMIZED_EMAIL_DOMAIN}`)
}

/** What replaces free text (a note's body) that must stay non-empty. */
export const ANONYMIZED_TEXT = "[anonymized]"
