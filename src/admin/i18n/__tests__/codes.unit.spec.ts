import en from "../json/en.json"
import nl from "../json/nl.json"
import * as contract from "../../../types/http"
import { SYSTEM_NOTE_KEYS, SYSTEM_NOTE_WORDS } from "../../../types/http/notes"

type Tree = { [key: string]: string | Tree }

/** The string at a dotted path below `crm`, or undefined. */
const at = (tree: Tree, path: string) =>
  path
    .split(".")
    .reduce<string | Tree | undefined>(
      (node, key) => (node && typeof node === "object" ? node[key] : undefined),
      tree.crm as Tree
    )

const untranslated = (paths: string[]) =>
  Object.fromEntries(
    (
      [
        ["en", en],
        ["nl", nl],
      ] as const
    ).map(([lang, json]) => [
      lang,
      paths.filter((path) => typeof at(json as Tree, path) !== "string"),
    ])
  )

/** Every `code` the API can refuse with: the values of each `*ErrorCodes` object of the contract. */
const errorCodes = [
  ...new Set(
    Object.entries(contract)
      .filter(([name]) => name.endsWith("ErrorCodes"))
      .flatMap(([, codes]) => Object.values(codes as Record<string, string>))
  ),
]

describe("texts for what the server sends", () => {
  it("finds the error codes of the contract", () => {
    expect(errorCodes.length).toBeGreaterThan(50)
    expect(errorCodes).toContain("customer_not_found")
  })

  it("translate every error code in English and Dutch", () => {
    expect(untranslated(errorCodes.map((code) => `errors.${code}`))).toEqual({ en: [], nl: [] })
  })

  it("translate every system note key in English and Dutch", () => {
    expect(untranslated(SYSTEM_NOTE_KEYS.map((key) => `systemNotes.${key}`))).toEqual({ en: [], nl: [] })
  })

  it("translate every word a system note names", () => {
    const paths = [
      ...SYSTEM_NOTE_WORDS.why.map((word) => `systemNotes.why.${word}`),
      ...SYSTEM_NOTE_WORDS.fields.map((word) => `systemNotes.fields.${word}`),
      ...SYSTEM_NOTE_WORDS.sources.map((word) => `systemNotes.sources.${word}`),
      ...SYSTEM_NOTE_WORDS.counts.flatMap((word) => [
        `systemNotes.counts.${word}.one`,
        `systemNotes.counts.${word}.other`,
      ]),
      "systemNotes.counts.nothing",
      "systemNotes.lifetime",
    ]
    expect(untranslated(paths)).toEqual({ en: [], nl: [] })
  })

  it("translate every reason a merge preview can give", () => {
    const paths = Object.values(contract.MergeBlockerCodes).map((code) => `identity.preview.blockerTexts.${code}`)
    expect(untranslated(paths)).toEqual({ en: [], nl: [] })
  })
})
