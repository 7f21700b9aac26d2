import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"

/** The tables the plugin's own modules create (read from their migrations), to tell them from Medusa's. */
export function pluginTables(): Set<string> {
  const modules = join(__dirname, "../../src/modules")
  const tables = new Set<string>()
  for (const module of readdirSync(modules)) {
    let files: string[] = []
    try {
      files = readdirSync(join(modules, module, "migrations")).filter((f) => f.endsWith(".ts"))
    } catch {
      continue
    }
    for (const file of files) {
      const text = readFileSync(join(modules, module, "migrations", file), "utf8")
      for (const match of text.matchAll(/create table if not exists \\?"([a-z0-9_]+)\\?"/g)) {
        tables.add(match[1])
      }
    }
  }
  return tables
}
