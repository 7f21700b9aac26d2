import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendCustomerReceiptWorkflow } from "../../../../../../../workflows/send-customer-receipt"
import { actorUserId } from "../../../../../../utils/customers"
import type { SendReceiptPayload, SendReceiptResponse } from "../../../../../../../types/http/insights"

/** E-mails a copy of the order's receipt to the customer or another address. */
export const POST = async (
  req: AuthenticatedMedusaRequest<SendReceiptPayload>,
  res: MedusaResponse<SendReceiptResponse>
) => {
  const { result } = await sendCustomerReceiptWorkflow(req.scope).run({
    input: {
      customer_id: req.params.id,
      order_id: req.params.order_id,
      to: req.validatedBody.to,
      actor_id: actorUserId(req.auth_context),
    },
  })
  res.status(201).json({ receipt: { ...result, sent_at: new Date(result.sent_at).toISOString() } })
}
