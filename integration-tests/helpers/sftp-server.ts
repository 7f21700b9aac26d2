import { execFile, spawn, type ChildProcess } from "node:child_process"
import { randomBytes } from "node:crypto"
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises"
import { createServer, connect } from "node:net"
import { tmpdir, userInfo } from "node:os"
import { join } from "node:path"
import { promisify } from "node:util"

const run = promisify(execFile)

/** The user the server lets in when the tests run as root (created once, a system account without a shell). */
export const SFTP_TEST_USER = "crmsftp"
const SSHD = "/usr/sbin/sshd"

export type SftpTestServer = {
  host: string
  port: number
  username: string
  /** Set when password logins work (the tests run as root: the test user gets a fresh password). */
  password: string | null
  /** The user's private key (OpenSSH format). */
  privateKey: string
  /** A folder on disk the user may write to, as an absolute path (also its path over SFTP: no chroot). */
  uploadDir: string
  stop: () => Promise<void>
}

/** Whether password logins can be tested here: sshd reads /etc/shadow only as root. */
export const sftpPasswordLogins = () => typeof process.getuid === "function" && process.getuid() === 0

async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

async function listening(port: number, child: ChildProcess, log: () => string) {
  const deadline = Date.now() + 10_000
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`sshd exited with ${child.exitCode}: ${log()}`)
    }
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1")
      socket.once("connect", () => {
        socket.destroy()
        resolve(true)
      })
      socket.once("error", () => resolve(false))
    })
    if (ok) {
      return
    }
    if (Date.now() > deadline) {
      throw new Error(`sshd did not listen on ${port}: ${log()}`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** The test user's uid/gid, creating the account when it does not exist (root only). */
async function testUser(): Promise<{ uid: number; gid: number }> {
  const ids = async () => {
    const { stdout: uid } = await run("id", ["-u", SFTP_TEST_USER])
    const { stdout: gid } = await run("id", ["-g", SFTP_TEST_USER])
    return { uid: Number(uid.trim()), gid: Number(gid.trim()) }
  }
  try {
    return await ids()
  } catch {
    await mkdir("/var/lib/crmsftp", { recursive: true })
    await run("useradd", ["--system", "--home-dir", "/var/lib/crmsftp", "--shell", "/usr/sbin/nologin", SFTP_TEST_USER])
    const created = await ids()
    await chown("/var/lib/crmsftp", created.uid, created.gid)
    return created
  }
}

/**
 * Starts Debian's OpenSSH server on a free loopback port with a throwaway host key and user key,
 * SFTP through `internal-sftp` and no chroot. As root it lets in the system user `crmsftp`
 * (created when missing) with that key or a fresh random password; as anyone else it lets in the
 * current user with the key only. `stop()` ends the server and removes its folder.
 */
export async function startSftpServer(): Promise<SftpTestServer> {
  const dir = await mkdtemp(join(tmpdir(), "crm-sftp-"))
  await chmod(dir, 0o755)
  const asRoot = sftpPasswordLogins()
  await run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", join(dir, "host_key")])
  await run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", join(dir, "user_key")])
  await writeFile(join(dir, "authorized_keys"), await readFile(join(dir, "user_key.pub")), { mode: 0o644 })

  const uploadDir = join(dir, "upload")
  await mkdir(uploadDir, { mode: 0o755 })
  let username = userInfo().username
  let password: string | null = null
  if (asRoot) {
    const { uid, gid } = await testUser()
    await chown(uploadDir, uid, gid)
    username = SFTP_TEST_USER
    password = randomBytes(12).toString("base64url")
    await new Promise<void>((resolve, reject) => {
      const p = spawn("chpasswd", [], { stdio: ["pipe", "ignore", "pipe"] })
      p.once("error", reject)
      p.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`chpasswd exited with ${code}`))))
      p.stdin!.end(`${SFTP_TEST_USER}:${password}\n`)
    })
    // sshd's privilege separation folder (the package creates it at boot, a fresh container has none).
    await mkdir("/run/sshd", { recursive: true, mode: 0o755 })
  }

  const port = await freePort()
  const config = join(dir, "sshd_config")
  await writeFile(
    config,
    [
      `Port ${port}`,
      "ListenAddress 127.0.0.1",
      `HostKey ${join(dir, "host_key")}`,
      `PidFile ${join(dir, "sshd.pid")}`,
      `AuthorizedKeysFile ${join(dir, "authorized_keys")}`,
      "StrictModes no",
      "PubkeyAuthentication yes",
      `PasswordAuthentication ${asRoot ? "yes" : "no"}`,
      "KbdInteractiveAuthentication no",
      "UsePAM no",
      "PermitRootLogin no",
      `AllowUsers ${username}`,
      "Subsystem sftp internal-sftp",
      "LogLevel ERROR",
      "",
    ].join("\n")
  )
  let log = ""
  const child = spawn(SSHD, ["-D", "-e", "-f", config], { stdio: ["ignore", "ignore", "pipe"] })
  child.stderr!.on("data", (chunk) => {
    log = (log + chunk.toString()).slice(-4000)
  })
  try {
    await listening(port, child, () => log)
  } catch (e) {
    child.kill("SIGTERM")
    await rm(dir, { recursive: true, force: true })
    throw e
  }

  return {
    host: "127.0.0.1",
    port,
    username,
    password,
    privateKey: await readFile(join(dir, "user_key"), "utf8"),
    uploadDir,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r))
        child.kill("SIGTERM")
        await exited
      }
      await rm(dir, { recursive: true, force: true })
    },
  }
}
