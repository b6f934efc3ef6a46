import { describe, expect, it } from "vitest";
import { nameProblem, validateCollectionName, validateDatabaseName, validateTenantName } from "../../src/core/names.js";

describe("collection and database names (Chroma 1.x validate_name)", () => {
  it.each(["abc", "a_b", "A.b-c", "abc+def", "x".repeat(512), "01.2.3.4", "1.2.3"])("accepts %s", (name) => {
    expect(nameProblem(name)).toBeNull();
  });

  it.each([
    ["ab", "Expected a name containing 3-512 characters from [a-zA-Z0-9._-], starting and ending with a character in [a-zA-Z0-9]. Got: ab"],
    ["-abc", "Got: -abc"],
    ["abc-", "Got: abc-"],
    ["a b", "Got: a b"],
    ["é-ab", "Got: é-ab"],
    ["x".repeat(513), "3-512 characters"],
    ["a..b", "Expected a name that does not contains two consecutive periods (..). Got a..b"],
    ["192.168.1.1", "Expected a name that is not a valid ip address. Got 192.168.1.1"],
    ["a++b", "Expected a name to contain at most one topology:  Got two `+` characters."],
    ["ab+cde", "Got: ab"],
    ["abc+a..b", "two consecutive periods"],
  ])("refuses %s", (name, message) => {
    expect(nameProblem(name)).toContain(message);
  });

  it("prefixes the field upstream names: name on create, new_name on rename, none for databases", () => {
    expect(() => validateCollectionName("a..b")).toThrow(/^Validation error: name: Expected a name that does not contains/);
    expect(() => validateCollectionName("a..b", "new_name")).toThrow(/^Validation error: new_name: /);
    expect(() => validateDatabaseName("10.0.0.1")).toThrow(/^Expected a name that is not a valid ip address/);
  });
});

describe("tenant names", () => {
  it("need 3 characters (upstream's only rule, with its wording) and no path-hostile characters", () => {
    expect(() => validateTenantName("ab")).toThrow('Validation error: name: Validation error: length [{"min": Number(3), "value": String("ab")}]');
    expect(() => validateTenantName("a b c")).not.toThrow();
    expect(() => validateTenantName("é🎉x")).not.toThrow();
    for (const bad of ["a/b", "a\\b", "ab\u0000", "x".repeat(513)]) expect(() => validateTenantName(bad)).toThrow(/tenant name/);
  });
});
