import { generateEntityId } from "@medusajs/framework/utils"

/** A run id like the module's own (`crrun_…`), for runs written with SQL (`INSERT … ON CONFLICT`). */
export const newRunId = () => generateEntityId(undefined, "crrun")
