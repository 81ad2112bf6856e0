// Structural checks of Dockerfile and compose.yaml, for machines without a container runtime.
import { readFileSync } from "node:fs";

const problems = [];
const dockerfile = readFileSync("Dockerfile", "utf8");
const instructions = dockerfile
  .replace(/\\\n/g, " ")
  .split("\n")
  .map((line) => line.trim())
  .filter((line) => line !== "" && !line.startsWith("#"));
const known = new Set([
  "FROM",
  "RUN",
  "CMD",
  "LABEL",
  "EXPOSE",
  "ENV",
  "ADD",
  "COPY",
  "ENTRYPOINT",
  "VOLUME",
  "USER",
  "WORKDIR",
  "ARG",
  "ONBUILD",
  "STOPSIGNAL",
  "HEALTHCHECK",
  "SHELL",
]);
for (const line of instructions) {
  const word = line.split(/\s+/)[0];
  if (!known.has(word)) problems.push(`Dockerfile: unknown instruction '${word}'`);
}
const froms = instructions.filter((l) => l.startsWith("FROM "));
if (froms.length === 0) problems.push("Dockerfile: no FROM");
for (const from of froms) {
  if (!/^FROM node:20-slim(\s|$)/.test(from))
    problems.push(`Dockerfile: '${from}' is not the official node:20-slim image`);
}
const finalStage = instructions.slice(instructions.lastIndexOf(froms.at(-1)));
const user = finalStage.filter((l) => l.startsWith("USER ")).at(-1);
if (user === undefined || /^USER\s+(root|0)(:|\s|$)/.test(user))
  problems.push("Dockerfile: the final stage must run as a non-root USER");
if (!finalStage.some((l) => l.startsWith("HEALTHCHECK ") && l.includes("/healthz"))) {
  problems.push("Dockerfile: the final stage needs a HEALTHCHECK on /healthz");
}
if (!finalStage.some((l) => /^(ENTRYPOINT|CMD)\s+\[/.test(l)))
  problems.push("Dockerfile: ENTRYPOINT or CMD in exec form");
if (/:latest\b/.test(dockerfile)) problems.push("Dockerfile: no ':latest' tags");
if (/apt-get install(?!.*--no-install-recommends)/.test(dockerfile))
  problems.push("Dockerfile: apt-get install without --no-install-recommends");

const compose = readFileSync("compose.yaml", "utf8");
if (/\t/.test(compose)) problems.push("compose.yaml: tabs are not valid YAML indentation");
for (const needed of [
  /^services:/m,
  /^\s{2}postgres:/m,
  /^\s{2}remit:/m,
  /REMIT_DATABASE_URL:\s*postgres:\/\//,
  /condition: service_healthy/,
]) {
  if (!needed.test(compose)) problems.push(`compose.yaml: missing ${needed}`);
}
for (const line of compose.split("\n")) {
  const indent = /^( *)/.exec(line)?.[1].length ?? 0;
  if (line.trim() !== "" && indent % 2 !== 0) problems.push(`compose.yaml: odd indentation: '${line}'`);
}

if (problems.length > 0) {
  for (const p of problems) console.error(p);
  process.exit(1);
}
console.log("Dockerfile and compose.yaml: structure checked (no container runtime here)");
