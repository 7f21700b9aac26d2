import { bindSql, selectRows, sqlConnection } from "../sql"

describe("bindSql", () => {
  it("binds each :name in order, however often it appears, and leaves ::casts alone", () => {
    expect(
      bindSql("SELECT * FROM t WHERE id = any(:ids::text[]) AND (a = :x OR b = :x) AND c::date > now()", {
        ids: ["a", "b"],
        x: 1,
      })
    ).toEqual({
      sql: "SELECT * FROM t WHERE id = any(?::text[]) AND (a = ? OR b = ?) AND c::date > now()",
      bindings: [["a", "b"], 1, 1],
    })
  })

  it("binds values, never writes them into the statement", () => {
    const { sql, bindings } = bindSql("SELECT :q", { q: "'; DROP TABLE customer; --" })
    expect(sql).toBe("SELECT ?")
    expect(bindings).toEqual(["'; DROP TABLE customer; --"])
  })

  it("binds undefined as null", () => {
    expect(bindSql("SELECT :a", { a: undefined }).bindings).toEqual([null])
  })

  it("refuses a name without a value, and positional placeholders", () => {
    expect(() => bindSql("SELECT :a, :b", { a: 1 })).toThrow("No value for :b")
    expect(() => bindSql("SELECT ?", {})).toThrow(":name parameters")
  })
})

describe("selectRows", () => {
  it("runs on a connection given, or on the shared connection of a container", async () => {
    const raw = jest.fn(async () => ({ rows: [{ n: 1 }] }))
    expect(await selectRows({ raw }, "SELECT :n AS n", { n: 1 })).toEqual([{ n: 1 }])
    expect(raw).toHaveBeenCalledWith("SELECT ? AS n", [1])
    const container = { resolve: jest.fn(() => ({ raw })) }
    expect(sqlConnection(container as never)).toEqual({ raw })
    expect(container.resolve).toHaveBeenCalledWith("__pg_connection__")
  })
})
