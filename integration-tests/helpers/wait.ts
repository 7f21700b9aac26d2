/**
 * Polls `read` until `done` says yes (subscribers run after the request that caused them), for up
 * to 20 s; the error names what it waited for and the last value seen.
 */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string) {
  const deadline = Date.now() + 20_000
  for (;;) {
    const value = await read()
    if (done(value)) {
      return value
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(value)}`)
    }
    await new Promise((r) => setTimeout(r, 200))
  }
}
