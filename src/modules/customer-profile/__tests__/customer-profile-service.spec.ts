import path from "path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { CUSTOMER_PROFILE_MODULE } from ".."
import CustomerProfileModuleService from "../service"

jest.setTimeout(60 * 1000)

moduleIntegrationTestRunner<CustomerProfileModuleService>({
  moduleName: CUSTOMER_PROFILE_MODULE,
  resolve: path.join(__dirname, ".."),
  // Run the committed migrations, so a model change without a migration fails here.
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  testSuite: ({ service }) => {
    describe("CustomerProfileModuleService", () => {
      it("keeps dates as written and everything else empty by default", async () => {
        const profile = await service.createCustomerProfiles({
          customer_id: "cus_1",
          birth_date: "1990-05-17",
        })
        expect(profile).toEqual(
          expect.objectContaining({
            id: expect.stringMatching(/^cprof_/),
            birth_date: "1990-05-17",
            gender: null,
            nationality: null,
            external_id: null,
            photo_file_id: null,
          })
        )
      })

      it("allows one profile per customer", async () => {
        await service.createCustomerProfiles({ customer_id: "cus_1" })
        await expect(service.createCustomerProfiles({ customer_id: "cus_1" })).rejects.toThrow()
        expect(await service.listCustomerProfiles({})).toHaveLength(1)
      })

      it("keeps customer numbers unique, and many customers without one", async () => {
        await service.createCustomerProfiles([
          { customer_id: "cus_1", external_id: "BOX-1" },
          { customer_id: "cus_2" },
          { customer_id: "cus_3" },
        ])
        await expect(
          service.createCustomerProfiles({ customer_id: "cus_4", external_id: "BOX-1" })
        ).rejects.toThrow()
      })

      it("refuses an unknown gender", async () => {
        await expect(
          service.createCustomerProfiles({ customer_id: "cus_1", gender: "robot" as never })
        ).rejects.toThrow()
      })

      it("assigns a store once per customer, with its source", async () => {
        const store = await service.createCustomerStores({
          customer_id: "cus_1",
          sales_channel_id: "sc_1",
        })
        expect(store).toEqual(expect.objectContaining({ id: expect.stringMatching(/^cstore_/), source: "manual" }))
        await expect(
          service.createCustomerStores({ customer_id: "cus_1", sales_channel_id: "sc_1", source: "order" })
        ).rejects.toThrow()
        await service.createCustomerStores({ customer_id: "cus_2", sales_channel_id: "sc_1", source: "order" })
        expect(await service.listCustomerStores({ sales_channel_id: "sc_1" })).toHaveLength(2)
      })
    })
  },
})
