import path from "path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { CUSTOMER_NOTE_MODULE } from ".."
import CustomerNoteModuleService from "../service"

jest.setTimeout(60 * 1000)

moduleIntegrationTestRunner<CustomerNoteModuleService>({
  moduleName: CUSTOMER_NOTE_MODULE,
  resolve: path.join(__dirname, ".."),
  // Run the committed migrations, so a model change without a migration fails here.
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  testSuite: ({ service }) => {
    describe("CustomerNoteModuleService", () => {
      it("creates notes with defaults: manual, not pinned, no author", async () => {
        const note = await service.createCustomerNotes({
          customer_id: "cus_1",
          body: "Likes front row seats",
        })
        expect(note).toEqual(
          expect.objectContaining({
            id: expect.stringMatching(/^cnote_/),
            customer_id: "cus_1",
            body: "Likes front row seats",
            kind: "manual",
            pinned: false,
            author_id: null,
          })
        )
      })

      it("refuses an unknown kind", async () => {
        await expect(
          service.createCustomerNotes({
            customer_id: "cus_1",
            body: "x",
            kind: "gossip" as any,
          })
        ).rejects.toThrow()
        expect(await service.listCustomerNotes({})).toHaveLength(0)
      })

      it("allows one pinned note per customer at the database level", async () => {
        await service.createCustomerNotes({ customer_id: "cus_1", body: "a", pinned: true })
        await expect(
          service.createCustomerNotes({ customer_id: "cus_1", body: "b", pinned: true })
        ).rejects.toThrow()
        // Another customer may have their own pinned note, and unpinned notes are unlimited.
        await service.createCustomerNotes({ customer_id: "cus_2", body: "c", pinned: true })
        await service.createCustomerNotes([
          { customer_id: "cus_1", body: "d" },
          { customer_id: "cus_1", body: "e" },
        ])
        const pinned = await service.listCustomerNotes({ pinned: true })
        expect(pinned.map((n) => n.customer_id).sort()).toEqual(["cus_1", "cus_2"])
      })

      it("frees the pinned slot when the pinned note is soft-deleted", async () => {
        const first = await service.createCustomerNotes({
          customer_id: "cus_1",
          body: "old",
          pinned: true,
        })
        await service.softDeleteCustomerNotes([first.id])
        const second = await service.createCustomerNotes({
          customer_id: "cus_1",
          body: "new",
          pinned: true,
        })
        expect(second.pinned).toBe(true)
      })

      it("searches note bodies with q", async () => {
        await service.createCustomerNotes([
          { customer_id: "cus_1", body: "Wheelchair access needed" },
          { customer_id: "cus_1", body: "Vegetarian" },
        ])
        const found = await service.listCustomerNotes({ q: "wheelchair" } as any)
        expect(found.map((n) => n.body)).toEqual(["Wheelchair access needed"])
      })
    })
  },
})
