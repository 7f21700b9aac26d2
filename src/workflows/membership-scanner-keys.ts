import { createWorkflow, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createScannerKeyStep, type NewScannerKey, revokeScannerKeyStep } from "./steps"

/**
 * Stores a door scanner key. The caller makes the key and passes only its hash and redacted form,
 * so the key itself never reaches the workflow engine's records.
 *
 * @example
 * const key = newScannerKey()
 * await createScannerKeyWorkflow(container).run({
 *   input: { name: "Front door", token_hash: hashScannerKey(key), redacted: redactScannerKey(key), created_by: "user_1" },
 * })
 */
export const createScannerKeyWorkflow = createWorkflow(
  "create-scanner-key",
  (input: WorkflowData<NewScannerKey>) => new WorkflowResponse(createScannerKeyStep(input))
)

/**
 * Revokes a door scanner key: it no longer opens the card check.
 *
 * @example
 * await revokeScannerKeyWorkflow(container).run({ input: { id: "mscan_123", revoked_by: "user_1" } })
 */
export const revokeScannerKeyWorkflow = createWorkflow(
  "revoke-scanner-key",
  (input: WorkflowData<{ id: string; revoked_by: string | null }>) => new WorkflowResponse(revokeScannerKeyStep(input))
)
