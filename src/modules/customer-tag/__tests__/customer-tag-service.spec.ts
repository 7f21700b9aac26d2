import path from "path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { CUSTOMER_TAG_MODULE } from ".."
import CustomerTagModuleService from "../service"

jest.setTimeout(60 * 1000)

moduleIntegrationTestRunner<CustomerTagModuleService>({
  moduleName: CUSTOMER_TAG_MODULE,
  resolve: path.join(__dirname, ".."),
  // Run the committed migrations, so a model change without a migration fails here.
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  testSuite: ({ service }) => {
    describe("CustomerTagModuleService", () => {
      it("defines a tag with defaults: a grey flag without a benefit", async () => {
        const definition = await service.createCustomerTagDefinitions({ key: "staff", label: "Staff" })
        expect(definition).toEqual(
          expect.objectContaining({
            id: expect.stringMatching(/^ctagdef_/),
            color: "grey",
            value_mode: "flag",
            allowed_values: null,
            customer_group_id: null,
          })
        )
      })

      it("keeps keys unique and stores allowed values as a list", async () => {
        const definition = await service.createCustomerTagDefinitions({
          key: "USER_AFFILIATION",
          label: "Affiliation",
          value_mode: "list",
          allowed_values: ["CUSTOMER", "INVESTOR"],
        })
        expect(definition.allowed_values).toEqual(["CUSTOMER", "INVESTOR"])
        await expect(
          service.createCustomerTagDefinitions({ key: "USER_AFFILIATION", label: "Again" })
        ).rejects.toThrow()
      })

      it("puts a tag on a customer once, and deleting the definition takes its tags along", async () => {
        const definition = await service.createCustomerTagDefinitions({ key: "vip", label: "VIP" })
        const tag = await service.createCustomerTags({ customer_id: "cus_1", definition_id: definition.id })
        expect(tag).toEqual(
          expect.objectContaining({ id: expect.stringMatching(/^ctag_/), source: "admin", joined_group: false })
        )
        await expect(
          service.createCustomerTags({ customer_id: "cus_1", definition_id: definition.id })
        ).rejects.toThrow()
        await service.createCustomerTags({ customer_id: "cus_2", definition_id: definition.id })

        const [withTags] = await service.listCustomerTagDefinitions({ id: definition.id }, { relations: ["assignments"] })
        expect(withTags.assignments).toHaveLength(2)

        await service.deleteCustomerTagDefinitions(definition.id)
        expect(await service.listCustomerTags({})).toHaveLength(0)
      })

      it("refuses an unknown colour or value mode", async () => {
        await expect(
          service.createCustomerTagDefinitions({ key: "a", label: "A", color: "pink" as never })
        ).rejects.toThrow()
        await expect(
          service.createCustomerTagDefinitions({ key: "b", label: "B", value_mode: "number" as never })
        ).rejects.toThrow()
        expect(await service.listCustomerTagDefinitions({})).toHaveLength(0)
      })
    })
  },
})
