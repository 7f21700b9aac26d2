import LocalNotificationProvider from "@medusajs/medusa/notification-local"

type SentNotification = {
  to: string
  template: string
  content?: { subject?: string; text?: string; html?: string } | null
  data?: Record<string, unknown> | null
}

/**
 * Records what Medusa's local notification provider (the demo store's e-mail channel) is asked to
 * send, `content` included: the message text, which Medusa's `notification` table does not keep.
 * The provider still runs as configured. Call in `beforeAll` (or per test) and `restore()` after.
 */
export function recordSentNotifications() {
  const [provider] = LocalNotificationProvider.services as { prototype: { send: (...args: any[]) => any } }[]
  const spy = jest.spyOn(provider.prototype, "send")
  const sent = () => spy.mock.calls.map(([n]) => n as SentNotification)
  return {
    sent,
    /** The six-digit code in the latest identity claim e-mail sent to `email`, read from its content. */
    claimCodeSentTo(email: string) {
      const mail = sent()
        .filter((n) => n.to === email && n.template === "identity-claim-code")
        .at(-1)
      return mail?.content?.subject?.match(/\b(\d{6})\b/)?.[1]
    },
    restore: () => spy.mockRestore(),
  }
}
