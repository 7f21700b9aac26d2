export const defaultAdminCustomerNoteFields = [
  "id",
  "customer_id",
  "body",
  "kind",
  "pinned",
  "author_id",
  "event",
  "created_at",
  "updated_at",
  "author.id",
  "author.email",
  "author.first_name",
  "author.last_name",
  "emails.id",
  "emails.to",
  "emails.sent_by_id",
  "emails.notification_id",
  "emails.created_at",
]

export const retrieveTransformQueryConfig = {
  defaults: defaultAdminCustomerNoteFields,
  isList: false,
}

export const listTransformQueryConfig = {
  ...retrieveTransformQueryConfig,
  defaultLimit: 20,
  isList: true,
}
