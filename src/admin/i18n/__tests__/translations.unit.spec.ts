import fs from "node:fs"
import path from "node:path"

type Tree = { [key: string]: string | Tree }

const read = (file: string): Tree =>
  JSON.parse(fs.readFileSync(file, "utf8"))

const json = (lang: string) =>
  read(path.join(__dirname, "..", "json", `${lang}.json`))

/** Every string of a tree by its dotted key. */
const flatten = (tree: Tree, prefix = ""): Map<string, string> => {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") {
      out.set(`${prefix}${key}`, value)
    } else {
      for (const [k, v] of flatten(value, `${prefix}${key}.`)) {
        out.set(k, v)
      }
    }
  }
  return out
}

const variables = (text: string) =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort()

describe("admin translations", () => {
  const en = flatten(json("en"))
  const nl = flatten(json("nl"))

  it("nest every string under the one root key crm", () => {
    expect(Object.keys(json("en"))).toEqual(["crm"])
    expect(Object.keys(json("nl"))).toEqual(["crm"])
  })

  it("use a root key the dashboard does not have", () => {
    const dashboard = read(
      path.join(
        path.dirname(require.resolve("@medusajs/dashboard/package.json")),
        "src/i18n/translations/en.json"
      )
    )
    expect(Object.keys(dashboard)).not.toContain("crm")
  })

  it("have the same keys in Dutch as in English", () => {
    const missing = [...en.keys()].filter((key) => !nl.has(key))
    const extra = [...nl.keys()].filter((key) => !en.has(key))
    expect({ missing, extra }).toEqual({ missing: [], extra: [] })
  })

  it("have the same {{variables}} in Dutch as in English", () => {
    const differing = [...en].filter(
      ([key, text]) =>
        variables(text).join() !== variables(nl.get(key) ?? "").join()
    )
    expect(differing.map(([key]) => key)).toEqual([])
  })

  it("have no empty strings", () => {
    const empty = [...en, ...nl].filter(([, text]) => !text.trim())
    expect(empty.map(([key]) => key)).toEqual([])
  })
})
