import { dueStamp, isTimeZone, nextRunAt, zonedTime } from "../schedule"

const at = (iso: string) => new Date(iso)

describe("report schedule", () => {
  it("daily at a time in UTC: later today, else tomorrow", () => {
    expect(nextRunAt({ frequency: "daily", time: "06:30", timezone: "UTC" }, at("2026-03-10T05:00:00Z")).toISOString()).toBe(
      "2026-03-10T06:30:00.000Z"
    )
    expect(nextRunAt({ frequency: "daily", time: "06:30" }, at("2026-03-10T06:30:00Z")).toISOString()).toBe(
      "2026-03-11T06:30:00.000Z"
    )
  })

  it("daily in Europe/Amsterdam keeps 09:00 local time across both changes of the clocks", () => {
    const s = { frequency: "daily" as const, time: "09:00", timezone: "Europe/Amsterdam" }
    // Winter (UTC+1), the day of the change to summer time (29 March 2026), summer (UTC+2).
    expect(nextRunAt(s, at("2026-03-28T09:00:00Z")).toISOString()).toBe("2026-03-29T07:00:00.000Z")
    expect(nextRunAt(s, at("2026-03-27T12:00:00Z")).toISOString()).toBe("2026-03-28T08:00:00.000Z")
    // Back to winter time on 25 October 2026.
    expect(nextRunAt(s, at("2026-10-24T12:00:00Z")).toISOString()).toBe("2026-10-25T08:00:00.000Z")
    expect(nextRunAt(s, at("2026-10-23T12:00:00Z")).toISOString()).toBe("2026-10-24T07:00:00.000Z")
  })

  it("a time in the spring gap runs after it; a time in the autumn overlap runs once, at its first occurrence", () => {
    // 02:30 does not exist in Amsterdam on 29 March 2026 (02:00 -> 03:00): 03:30 CEST = 01:30Z.
    expect(zonedTime(2026, 3, 29, 2, 30, "Europe/Amsterdam").toISOString()).toBe("2026-03-29T01:30:00.000Z")
    // 02:30 happens twice on 25 October 2026: first at 02:30 CEST = 00:30Z.
    expect(zonedTime(2026, 10, 25, 2, 30, "Europe/Amsterdam").toISOString()).toBe("2026-10-25T00:30:00.000Z")
    const s = { frequency: "daily" as const, time: "02:30", timezone: "Europe/Amsterdam" }
    expect(nextRunAt(s, at("2026-10-25T00:30:00Z")).toISOString()).toBe("2026-10-26T01:30:00.000Z")
  })

  it("weekly on a weekday in New York, across the US change of the clocks", () => {
    const s = { frequency: "weekly" as const, time: "08:15", weekday: 1, timezone: "America/New_York" }
    // Monday 2 March 2026 08:15 EST = 13:15Z; the next Monday, 9 March, is after the change (EDT): 12:15Z.
    expect(nextRunAt(s, at("2026-02-28T00:00:00Z")).toISOString()).toBe("2026-03-02T13:15:00.000Z")
    expect(nextRunAt(s, at("2026-03-02T13:15:00Z")).toISOString()).toBe("2026-03-09T12:15:00.000Z")
  })

  it("monthly on a day of the month, in a zone ahead of UTC (the local date, not the UTC date)", () => {
    const s = { frequency: "monthly" as const, time: "00:30", day_of_month: 1, timezone: "Asia/Tokyo" }
    // 1 April 00:30 in Tokyo is 31 March 15:30Z.
    expect(nextRunAt(s, at("2026-03-15T00:00:00Z")).toISOString()).toBe("2026-03-31T15:30:00.000Z")
    expect(nextRunAt(s, at("2026-03-31T15:30:00Z")).toISOString()).toBe("2026-04-30T15:30:00.000Z")
  })

  it("the file name's date and time are the due time in the report's zone", () => {
    expect(dueStamp(at("2026-03-31T15:30:00Z"), "Asia/Tokyo")).toEqual({ date: "2026-04-01", time: "0030" })
    expect(dueStamp(at("2026-03-31T15:30:00Z"))).toEqual({ date: "2026-03-31", time: "1530" })
  })

  it("knows IANA zones and refuses made-up ones", () => {
    expect(isTimeZone("Europe/Amsterdam")).toBe(true)
    expect(isTimeZone("Mars/Olympus")).toBe(false)
  })
})
