import { randomBytes } from "node:crypto"
import { posix } from "node:path"
import { PassThrough } from "node:stream"
import SftpClient from "ssh2-sftp-client"

/** Where and as whom a report is uploaded; the password and key are decrypted for the upload only. */
export type SftpTarget = {
  host: string
  port: number
  username: string
  password?: string
  private_key?: string
  remote_dir: string
}

/** How long a connection may take to be ready (TCP, key exchange, login). */
const READY_TIMEOUT_MS = 15_000

/** The report's destination refused or could not be reached: the message says why, never with a secret. */
export class SftpDeliveryError extends Error {}

function describe(target: SftpTarget, e: unknown): string {
  const raw = String((e as Error)?.message ?? e)
    // ssh2-sftp-client prefixes the method names: keep the reason.
    .replace(/^(?:\w+: )+/, "")
  return `SFTP ${target.username}@${target.host}:${target.port}: ${raw}`
}

async function connect(target: SftpTarget): Promise<SftpClient> {
  // Callbacks of our own: the library's defaults log every end and close.
  const ignore = () => undefined
  const client = new SftpClient("medusa-crm-report", { error: ignore, end: ignore, close: ignore })
  try {
    await client.connect({
      host: target.host,
      port: target.port,
      username: target.username,
      ...(target.password ? { password: target.password } : {}),
      ...(target.private_key ? { privateKey: target.private_key } : {}),
      readyTimeout: READY_TIMEOUT_MS,
      // No keyboard prompts: a password login or a key.
      tryKeyboard: false,
    })
  } catch (e) {
    await client.end().catch(ignore)
    throw new SftpDeliveryError(describe(target, e))
  }
  return client
}

/** The remote path of a file in the target's folder. */
export const remotePath = (target: SftpTarget, fileName: string) => posix.join(target.remote_dir || ".", fileName)

/**
 * Tests the destination: logs in, checks that the remote folder exists and that a file can be
 * written in it (a small probe file, removed again). Throws `SftpDeliveryError` with the reason.
 */
export async function testSftp(target: SftpTarget): Promise<void> {
  const client = await connect(target)
  try {
    const dir = target.remote_dir || "."
    const kind = await client.exists(dir).catch((e) => {
      throw new SftpDeliveryError(describe(target, e))
    })
    if (kind !== "d") {
      throw new SftpDeliveryError(`SFTP ${target.username}@${target.host}:${target.port}: the remote folder ${dir} does not exist`)
    }
    const probe = remotePath(target, `.medusa-crm-probe-${randomBytes(6).toString("hex")}`)
    try {
      await client.put(Buffer.from("medusa-crm connection test\n"), probe)
    } catch (e) {
      throw new SftpDeliveryError(`SFTP ${target.username}@${target.host}:${target.port}: cannot write in ${dir}: ${describe(target, e)}`)
    }
    await client.delete(probe, true)
  } finally {
    await client.end().catch(() => undefined)
  }
}

/**
 * Uploads a file by streaming: `write` writes the rows into the stream it is given (and ends it),
 * while the same bytes go up the connection; nothing is kept on disk or in memory. The file is
 * written as `<name>.part` and renamed when complete, so whoever picks files up never sees half a
 * file; a failed upload removes its part file. Returns the remote path and what `write` returned.
 */
export async function uploadSftp<T>(
  target: SftpTarget,
  fileName: string,
  write: (out: NodeJS.WritableStream) => Promise<T>
): Promise<{ remote_path: string; result: T }> {
  const client = await connect(target)
  const finalPath = remotePath(target, fileName)
  const partPath = `${finalPath}.part`
  try {
    const pipe = new PassThrough()
    const upload = client.put(pipe, partPath)
    let result: T
    try {
      ;[result] = await Promise.all([
        write(pipe).catch((e) => {
          pipe.destroy(e as Error)
          throw e
        }),
        upload.catch((e) => {
          pipe.destroy()
          throw new SftpDeliveryError(describe(target, e))
        }),
      ])
    } catch (e) {
      await client.delete(partPath, true).catch(() => undefined)
      throw e
    }
    try {
      await client.posixRename(partPath, finalPath)
    } catch {
      // A server without the OpenSSH rename extension: plain rename, over an older file of that name.
      await client.delete(finalPath, true).catch(() => undefined)
      await client.rename(partPath, finalPath).catch((e) => {
        throw new SftpDeliveryError(describe(target, e))
      })
    }
    return { remote_path: finalPath, result }
  } finally {
    await client.end().catch(() => undefined)
  }
}
