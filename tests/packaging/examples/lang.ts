import { analyze, memoryHost } from "@remit/lang";

const source = `policy "listing"
  version "1.0.0"

clause 1 "hazards are listed within a week"

collection hazards {
  foundOn: date
  listedOn: optional date
}

duty listing "hazards are listed"
  must
  cites 1
  for each h in hazards
  holder "township"
  requires h.listedOn
  within 7 days of h.fundOn
`;

const { diagnostics } = analyze("policy.remit", memoryHost({ "policy.remit": source }));
for (const d of diagnostics) {
  console.log(`${d.span.file}:${d.span.start.line}:${d.span.start.column} ${d.code} ${d.message.en}`);
  console.log(`  ${d.message.zh}`);
}
