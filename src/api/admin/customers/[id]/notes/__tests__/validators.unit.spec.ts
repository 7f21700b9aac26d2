import { NOTE_BODY_MAX_LENGTH } from "../../../../../../types/http/notes"
import {
  AdminCreateCustomerNote,
  AdminCustomerNotesParams,
  AdminUpdateCustomerNote,
} from "../validators"

describe("note validators", () => {
  describe("AdminCreateCustomerNote", () => {
    it("trims the body and keeps pinned", () => {
      expect(AdminCreateCustomerNote.parse({ body: "  hi  ", pinned: true })).toEqual({
        body: "hi",
        pinned: true,
      })
    })

    it.each([
      ["missing body", {}],
      ["blank body", { body: " \n\t " }],
      ["over-long body", { body: "a".repeat(NOTE_BODY_MAX_LENGTH + 1) }],
      ["non-string body", { body: ["a"] }],
      ["non-boolean pinned", { body: "a", pinned: 1 }],
      ["server-owned field", { body: "a", kind: "system" }],
      ["unknown field", { body: "a", colour: "red" }],
    ])("rejects a %s", (_, input) => {
      expect(AdminCreateCustomerNote.safeParse(input).success).toBe(false)
    })

    it("accepts exactly the maximum length", () => {
      const body = "b".repeat(NOTE_BODY_MAX_LENGTH)
      expect(AdminCreateCustomerNote.parse({ body }).body).toHaveLength(NOTE_BODY_MAX_LENGTH)
    })
  })

  describe("AdminUpdateCustomerNote", () => {
    it("needs at least one of body and pinned", () => {
      expect(AdminUpdateCustomerNote.safeParse({}).success).toBe(false)
      expect(AdminUpdateCustomerNote.safeParse({ pinned: false }).success).toBe(true)
      expect(AdminUpdateCustomerNote.safeParse({ body: "x" }).success).toBe(true)
    })

    it("rejects an emptied body and unknown fields", () => {
      expect(AdminUpdateCustomerNote.safeParse({ body: "" }).success).toBe(false)
      expect(AdminUpdateCustomerNote.safeParse({ body: "x", customer_id: "c" }).success).toBe(false)
    })
  })

  describe("AdminCustomerNotesParams", () => {
    it("defaults to newest first and parses filters from query strings", () => {
      const parsed = AdminCustomerNotesParams.parse({ pinned: "true", kind: "system" })
      expect(parsed).toEqual(
        expect.objectContaining({ order: "-created_at", limit: 20, offset: 0, pinned: true, kind: ["system"] })
      )
    })

    it("rejects an unknown kind and a non-numeric limit", () => {
      expect(AdminCustomerNotesParams.safeParse({ kind: "gossip" }).success).toBe(false)
      expect(AdminCustomerNotesParams.safeParse({ kind: "manual,gossip" }).success).toBe(false)
      expect(AdminCustomerNotesParams.parse({ kind: "manual,system" }).kind).toEqual(["manual", "system"])
      expect(AdminCustomerNotesParams.safeParse({ limit: "many" }).success).toBe(false)
    })
  })
})
