// A throwaway Redis for `npm run test:workers`: Debian's redis-server on 127.0.0.1, a free port, no
// persistence, its own process group, a data dir that is removed when it stops.
import { spawn } from "node:child_process"
import fs from "node:fs"
import net from "node:net"
import os from "node:os"
import path from "node:path"
import { freePort } from "./embedded-pg.mjs"

export const REDIS_SERVER = process.env.REDIS_SERVER_PATH || "/usr/bin/redis-server"

/** Sends one inline command and resolves with the first line of the answer. */
export function redisCommand(port, command, timeoutMs = 2000) {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection({ host: "127.0.0.1", port })
    let answer = ""
    const timer = setTimeout(() => {
      socket.destroy()
      reject(new Error(`redis ${command}: no answer within ${timeoutMs} ms`))
    }, timeoutMs)
    socket.on("connect", () => socket.write(`${command}\r\n`))
    socket.on("data", (chunk) => {
      answer += chunk
      if (answer.includes("\r\n")) {
        clearTimeout(timer)
        socket.end()
        resolve(answer.split("\r\n")[0])
      }
    })
    socket.on("error", (e) => {
      clearTimeout(timer)
      reject(e)
    })
  })
}

/**
 * Starts redis-server. Throws a clear error when it is not installed.
 * @returns {Promise<{ url: string, port: number, dir: string, logFile: string, stop: () => Promise<void> }>}
 */
export async function startRedis() {
  if (!fs.existsSync(REDIS_SERVER)) {
    throw new Error(
      `${REDIS_SERVER} is missing: install Debian's redis-server (apt-get install -y redis-server), or set REDIS_SERVER_PATH`
    )
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "medusa-crm-redis-"))
  const port = await freePort()
  const logFile = path.join(dir, "redis.log")
  const child = spawn(
    REDIS_SERVER,
    ["--bind", "127.0.0.1", "--port", String(port), "--save", "", "--appendonly", "no", "--dir", dir, "--logfile", logFile],
    { detached: true, stdio: "ignore" }
  )
  const exited = new Promise((resolve) => child.once("exit", resolve))
  let stopped = false
  const stop = async () => {
    if (stopped) return
    stopped = true
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, "SIGTERM")
      } catch {
        // already gone
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000).unref())])
      try {
        process.kill(-child.pid, "SIGKILL")
      } catch {
        // group is empty
      }
    }
    fs.rmSync(dir, { recursive: true, force: true })
  }
  const deadline = Date.now() + 10_000
  for (;;) {
    if (child.exitCode !== null) {
      const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8").slice(-2000) : ""
      await stop()
      throw new Error(`redis-server exited with code ${child.exitCode}\n${log}`)
    }
    const pong = await redisCommand(port, "PING").catch(() => null)
    if (pong === "+PONG") break
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`redis-server on port ${port} did not answer PING within 10 s`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  return { url: `redis://127.0.0.1:${port}`, port, dir, logFile, pid: child.pid, stop }
}
