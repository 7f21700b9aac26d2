/**
 * Where the CRM sits on Medusa's customer page. Medusa 2.21's dashboard lays a detail page out with
 * its layout composer: every widget of `customer.details*` comes after the page's own sections
 * (the `.before`/`.after` of a zone no longer order anything), unless the zone's layout
 * configuration (`/admin/layouts/customer.details/configuration`, the store default or a user's
 * own) orders it. So the CRM widgets carry stable ids, and this default puts the CRM panel right
 * under the customer's details, above orders, groups, metadata and JSON, and the CRM card at the
 * top of the side column. It imports nothing, so the admin and the server both read it.
 */

/** The zone the customer page's layout configuration is stored under. */
export const CUSTOMER_PAGE_LAYOUT_ZONE = "customer.details"

/** The `id` of the CRM panel's and side card's `defineWidgetConfig` (written there as string literals). */
export const CRM_PANEL_WIDGET_ID = "medusa-crm.customer-panel"
export const CRM_SIDE_CARD_WIDGET_ID = "medusa-crm.customer-side-card"

const main = [
  "core:CustomerGeneralSection",
  `widget:${CRM_PANEL_WIDGET_ID}`,
  "core:CustomerOrderSection",
  "core:CustomerGroupSection",
  "core:MetadataSection",
  "core:JsonViewSection",
  "core:RequiredPermissionsSection",
]
const side = [`widget:${CRM_SIDE_CARD_WIDGET_ID}`, "core:CustomerAddressSection"]

const placed = (section: string, ids: string[]) =>
  Object.fromEntries(ids.map((id, order) => [id, { section, order }]))

/** The store default of the customer page: what a merchant sees until they customise it. */
export const CUSTOMER_PAGE_LAYOUT = {
  widgets: { ...placed("main", main), ...placed("side", side) },
}
