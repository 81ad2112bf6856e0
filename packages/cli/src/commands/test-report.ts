/**
 * `remit test --format json|junit`: the scenario results for programs. JUnit XML is what CI
 * systems (GitLab, Jenkins, GitHub test reporters) read; the JSON carries the same facts with
 * each failure in both languages.
 */
import { describeFailure, type Failure } from "@remit/app";

/** One scenario's outcome: its id (file name without `.json`), name, file, failures and time. */
export interface ScenarioReport {
  readonly id: string;
  readonly name: string;
  readonly file: string;
  readonly failures: readonly Failure[];
  /** Milliseconds spent evaluating and judging it. */
  readonly ms: number;
}

export interface SuiteReport {
  /** The policy as given on the command line. */
  readonly policy: string;
  readonly scenarios: readonly ScenarioReport[];
}

/** The version of the JSON document's shape, raised when a field is renamed or removed. */
export const testResultSchemaVersion = 1;

export function testResultJson(suite: SuiteReport): string {
  const failed = suite.scenarios.filter((s) => s.failures.length > 0).length;
  const document = {
    schemaVersion: testResultSchemaVersion,
    policy: suite.policy,
    total: suite.scenarios.length,
    passed: suite.scenarios.length - failed,
    failed,
    scenarios: suite.scenarios.map((s) => ({
      id: s.id,
      name: s.name,
      file: s.file,
      passed: s.failures.length === 0,
      failures: s.failures.map((failure) => ({
        kind: failure.kind,
        message: {
          en: describeFailure(failure, "en").join("\n"),
          zh: describeFailure(failure, "zh").join("\n"),
        },
      })),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** Text for an XML attribute or element: the five special characters escaped. */
function xml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

/** JUnit XML: one test suite for the policy, one test case per scenario, failures in English. */
export function junitReport(suite: SuiteReport): string {
  const failed = suite.scenarios.filter((s) => s.failures.length > 0).length;
  const total = seconds(suite.scenarios.reduce((sum, s) => sum + s.ms, 0));
  const counts = `tests="${suite.scenarios.length}" failures="${failed}" errors="0" time="${total}"`;
  const cases = suite.scenarios.map((s) => {
    const open = `    <testcase classname="${xml(suite.policy)}" name="${xml(s.name === s.id ? s.id : `${s.id}: ${s.name}`)}" file="${xml(s.file)}" time="${seconds(s.ms)}"`;
    if (s.failures.length === 0) return `${open}/>`;
    const lines = s.failures.flatMap((failure) => describeFailure(failure, "en"));
    const message = `${s.failures.length} mismatch${s.failures.length === 1 ? "" : "es"}: ${lines[0] ?? ""}`;
    return `${open}>\n      <failure message="${xml(message)}">${xml(lines.join("\n"))}</failure>\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="remit test" ${counts}>`,
    `  <testsuite name="${xml(suite.policy)}" ${counts}>`,
    ...cases,
    "  </testsuite>",
    "</testsuites>",
    "",
  ].join("\n");
}
