/**
 * A typed client for the plugin's store routes, over Medusa's JS SDK: the same headers
 * (publishable key, the customer's session or token) and errors (`FetchError`) as `sdk.store.*`.
 *
 * @example
 * import Medusa from "@medusajs/js-sdk"
 * import { createCrmClient } from "medusa-crm/client"
 *
 * const sdk = new Medusa({ baseUrl, publishableKey })
 * const crm = createCrmClient(sdk)
 * const { loyalty } = await crm.store.loyalty.retrieve()
 * await crm.store.cart.applyPoints(cartId, { points: 500 })
 */
import type Medusa from "@medusajs/js-sdk"
import type { ClientHeaders } from "@medusajs/js-sdk"
import type {
  StoreCartLoyaltyResponse,
  StoreCartLoyaltyUpdateParams,
  StoreCartLoyaltyUpdateResponse,
  StoreCartShape,
  StoreConfirmIdentityClaimPayload,
  StoreConfirmIdentityClaimResponse,
  StoreCreateIdentityClaimPayload,
  StoreCreateIdentityClaimResponse,
  StoreCustomerLoyaltyParams,
  StoreCustomerLoyaltyResponse,
  StoreCustomerMembershipListParams,
  StoreCustomerMembershipListResponse,
  StoreCustomerMembershipParams,
  StoreCustomerMembershipResponse,
  StoreIdentityClaimParams,
  StoreIdentityClaimResponse,
  StoreMembershipCardResponse,
  StoreRedeemLoyaltyPointsPayload,
  StoreAnonymizeCustomerPayload,
  StoreAnonymizeCustomerResponse,
  StoreRequestAnonymizeCodeResponse,
  StoreChangeConsentsPayload,
  StoreCustomerConsentsResponse,
  StoreCustomerExportsParams,
  StoreCustomerExportsResponse,
  StoreRequestExportResponse,
  StoreMessageListResponse,
  StoreMessageResponse,
  StoreOfferListResponse,
  StoreOfferResponse,
  StoreRedeemOfferResponse,
} from "../types/http"

/** Paging of the inbox lists. */
type InboxPage = { limit?: number; offset?: number }

const id = (value: string) => encodeURIComponent(value)

/**
 * The plugin's store routes as typed methods. Every method takes the request's extra `headers`
 * last, as the SDK's own methods do; a refusal throws the SDK's `FetchError` (its `status`, and
 * the `message` of the plugin's `{ type, code, message }` answer).
 */
export function createCrmClient(sdk: Medusa) {
  const client = sdk.client
  return {
    store: {
      /** The logged-in customer's points. */
      loyalty: {
        /** `GET /store/customers/me/loyalty`: the account and a page of its history, newest first. */
        retrieve: (query?: StoreCustomerLoyaltyParams, headers?: ClientHeaders) =>
          client.fetch<StoreCustomerLoyaltyResponse>("/store/customers/me/loyalty", { query, headers }),
      },

      /** Points on a cart of the logged-in customer. */
      cart: {
        /** `GET /store/carts/:id/loyalty`: what the customer can spend on the cart, and what is applied. */
        retrieveLoyalty: (cartId: string, headers?: ClientHeaders) =>
          client.fetch<StoreCartLoyaltyResponse>(`/store/carts/${id(cartId)}/loyalty`, { headers }),

        /** `POST /store/carts/:id/loyalty`: spends points on the cart; answers the cart (Medusa's `fields`). */
        applyPoints: <TCart = StoreCartShape>(
          cartId: string,
          body: StoreRedeemLoyaltyPointsPayload,
          query?: StoreCartLoyaltyUpdateParams,
          headers?: ClientHeaders
        ) =>
          client.fetch<StoreCartLoyaltyUpdateResponse<TCart>>(`/store/carts/${id(cartId)}/loyalty`, {
            method: "POST",
            body,
            query,
            headers,
          }),

        /** `DELETE /store/carts/:id/loyalty`: takes the points off the cart and gives them back. */
        removePoints: <TCart = StoreCartShape>(
          cartId: string,
          query?: StoreCartLoyaltyUpdateParams,
          headers?: ClientHeaders
        ) =>
          client.fetch<StoreCartLoyaltyUpdateResponse<TCart>>(`/store/carts/${id(cartId)}/loyalty`, {
            method: "DELETE",
            query,
            headers,
          }),
      },

      /** The logged-in customer's memberships, held and shared with them. */
      memberships: {
        /** `GET /store/customers/me/memberships`: a page, active first. */
        list: (query?: StoreCustomerMembershipListParams, headers?: ClientHeaders) =>
          client.fetch<StoreCustomerMembershipListResponse>("/store/customers/me/memberships", { query, headers }),

        /** `GET /store/customers/me/memberships/:id`. */
        retrieve: (membershipId: string, query?: StoreCustomerMembershipParams, headers?: ClientHeaders) =>
          client.fetch<StoreCustomerMembershipResponse>(`/store/customers/me/memberships/${id(membershipId)}`, {
            query,
            headers,
          }),

        /** `GET /store/customers/me/memberships/:id/card`: the customer's own card, with its QR code. */
        retrieveCard: (membershipId: string, headers?: ClientHeaders) =>
          client.fetch<StoreMembershipCardResponse>(`/store/customers/me/memberships/${id(membershipId)}/card`, {
            headers,
          }),
      },

      /** Claims of e-mail addresses the customer used as a guest. */
      identityClaims: {
        /** `POST /store/customers/me/identity/claims`: sends a one-time code to the address. */
        create: (body: StoreCreateIdentityClaimPayload, headers?: ClientHeaders) =>
          client.fetch<StoreCreateIdentityClaimResponse>("/store/customers/me/identity/claims", {
            method: "POST",
            body,
            headers,
          }),

        /** `GET /store/customers/me/identity/claims/:id`: a claim again, e.g. after a reload. */
        retrieve: (claimId: string, query?: StoreIdentityClaimParams, headers?: ClientHeaders) =>
          client.fetch<StoreIdentityClaimResponse>(`/store/customers/me/identity/claims/${id(claimId)}`, {
            query,
            headers,
          }),

        /** `POST /store/customers/me/identity/claims/:id/confirm`: with the code from the e-mail. */
        confirm: (claimId: string, body: StoreConfirmIdentityClaimPayload, headers?: ClientHeaders) =>
          client.fetch<StoreConfirmIdentityClaimResponse>(
            `/store/customers/me/identity/claims/${id(claimId)}/confirm`,
            { method: "POST", body, headers }
          ),
      },

      /** The logged-in customer's consents, by purpose handle (recorded with source `storefront`). */
      consents: {
        /** `GET /store/customers/me/consents`: every purpose (handle, name, text, version) with the customer's state. */
        list: (headers?: ClientHeaders) =>
          client.fetch<StoreCustomerConsentsResponse>("/store/customers/me/consents", { headers }),

        /** `POST /store/customers/me/consents`: grants or withdraws, e.g. `{ consents: [{ purpose: "newsletter", granted: false }] }`. */
        update: (body: StoreChangeConsentsPayload, headers?: ClientHeaders) =>
          client.fetch<StoreCustomerConsentsResponse>("/store/customers/me/consents", {
            method: "POST",
            body,
            headers,
          }),
      },

      /** The customer's own data (GDPR): self-anonymization, when the store allows it. */
      privacy: {
        /** `POST /store/customers/me/privacy/anonymize/code`: e-mails a one-time code to confirm with instead of the password. */
        requestAnonymizeCode: (headers?: ClientHeaders) =>
          client.fetch<StoreRequestAnonymizeCodeResponse>("/store/customers/me/privacy/anonymize/code", {
            method: "POST",
            headers,
          }),

        /**
         * `POST /store/customers/me/privacy/anonymize`: with `{ password }` or `{ code }`. Irreversible;
         * afterwards the token or session used is refused, so log the customer out.
         */
        anonymize: (body: StoreAnonymizeCustomerPayload, headers?: ClientHeaders) =>
          client.fetch<StoreAnonymizeCustomerResponse>("/store/customers/me/privacy/anonymize", {
            method: "POST",
            body,
            headers,
          }),

        /**
         * `POST /store/customers/me/privacy/exports` (202): asks for an export of the customer's data;
         * it is built in the background and an e-mail tells them when it is ready. 403 while the store
         * does not allow it, 429 `too_many_exports` past three a day.
         */
        requestExport: (headers?: ClientHeaders) =>
          client.fetch<StoreRequestExportResponse>("/store/customers/me/privacy/exports", {
            method: "POST",
            body: {},
            headers,
          }),

        /** `GET /store/customers/me/privacy/exports`: the customer's exports, newest first. */
        listExports: (query?: StoreCustomerExportsParams, headers?: ClientHeaders) =>
          client.fetch<StoreCustomerExportsResponse>("/store/customers/me/privacy/exports", { query, headers }),

        /**
         * `GET /store/customers/me/privacy/exports/:id`: the export as the browser's `Response`, to
         * save as a file (`await response.blob()`, its name in `Content-Disposition`) or read
         * (`await response.json()`: a `CustomerExportDocument`). Throws `FetchError` 409
         * `export_not_ready` while it is built, 410 `export_expired` after `expires_at`, 404 for
         * an id that is not one of the customer's exports.
         */
        downloadExport: (exportId: string, headers?: ClientHeaders) =>
          client.fetch<Response>(`/store/customers/me/privacy/exports/${id(exportId)}`, {
            // Not `application/json`: the SDK then hands back the response itself, not parsed.
            headers: { accept: "*/*", ...headers },
          }),
      },

      /** The customer's messages: new first, with the number still unread. */
      messages: {
        /** `GET /store/customers/me/messages`: `{ messages, unread, count, offset, limit }`. */
        list: (query?: InboxPage, headers?: ClientHeaders) =>
          client.fetch<StoreMessageListResponse>("/store/customers/me/messages", { query, headers }),

        /** `GET /store/customers/me/messages/:id`: the whole message; opening it marks it read. */
        retrieve: (messageId: string, headers?: ClientHeaders) =>
          client.fetch<StoreMessageResponse>(`/store/customers/me/messages/${id(messageId)}`, { headers }),
      },

      /**
       * The customer's offers and loyalty offers that can still be used. An offer's `code` goes to
       * Medusa's own promotion route: `sdk.store.cart.update(cartId, { promo_codes: [code] })`.
       */
      offers: {
        /** `GET /store/customers/me/offers`: `{ offers, count, offset, limit }`. */
        list: (query?: InboxPage, headers?: ClientHeaders) =>
          client.fetch<StoreOfferListResponse>("/store/customers/me/offers", { query, headers }),

        /** `GET /store/customers/me/offers/:id`: the whole offer; opening it marks it read. */
        retrieve: (offerId: string, headers?: ClientHeaders) =>
          client.fetch<StoreOfferResponse>(`/store/customers/me/offers/${id(offerId)}`, { headers }),

        /**
         * `POST /store/customers/me/offers/:id/redeem`: buys a loyalty offer with points; the reward
         * (a personal offer with its own code) lands in the inbox. 400 `insufficient_points`,
         * 400 `offer_not_redeemable`. Pass `{ "Idempotency-Key": <one per click> }` as headers so that
         * a double click or a retry buys once.
         */
        redeem: (offerId: string, headers?: ClientHeaders) =>
          client.fetch<StoreRedeemOfferResponse>(`/store/customers/me/offers/${id(offerId)}/redeem`, {
            method: "POST",
            body: {},
            headers,
          }),
      },
    },
  }
}

export type CrmClient = ReturnType<typeof createCrmClient>
