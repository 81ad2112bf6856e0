import { assertNever } from "../never.js";
import type {
  Cause,
  ClauseDecl,
  CollectionDecl,
  Deadline,
  Declaration,
  DefineDecl,
  EscalationLevel,
  Expr,
  FieldDecl,
  Grouping,
  Import,
  Module,
  ParamDecl,
  PauseClause,
  PolicyHeader,
  QualifiedName,
  RecordDecl,
  Rule,
  Span,
  Subject,
  TypeDecl,
  TypeExpr,
} from "../syntax/ast.js";
import { childrenOf, partsOf, type RulePart, ruleParts } from "../syntax/children.js";
import { readerLanguageKeywords } from "../syntax/keywords.js";
import { placeComments } from "./comments.js";
import {
  afterEndSpellings,
  aggregateSpellings,
  durationUnitSpelling,
  type KeywordKey,
  type KeywordLanguage,
  keywordSpellings,
  primitiveTypeSpellings,
  recurrenceSpellings,
} from "./keywords.js";
import { displayWidth, Output } from "./layout.js";

export interface FormatOptions {
  /**
   * The language keywords are printed in. "preserve" (the default) keeps each keyword's spelling
   * as found in `source`; without a source it prints English.
   */
  readonly keywords?: "en" | "zh" | "preserve";
  /** The text the module was parsed from: keyword spellings and trailing comments are read from it. */
  readonly source?: string;
  /** Column beyond which long `and`/`or` chains are broken over lines (default 100). */
  readonly lineWidth?: number;
}

/** A point in the source a comment can attach to: the first line of a group of output lines. */
export interface Anchor {
  readonly group: number;
  readonly start: number;
  readonly line: number;
}

/** Binding strength, loosest first, as in the grammar of docs/language.md. */
enum Precedence {
  If = 0,
  Or = 1,
  And = 2,
  Not = 3,
  Compare = 4,
  Additive = 5,
  Multiplicative = 6,
  Unary = 7,
  Postfix = 8,
  Primary = 9,
}

const INDENT = 2;

/** A header, import or declaration, as far as the blank lines between them go. */
interface TopLevelPart {
  readonly span: Span;
  readonly isImport: boolean;
}

const ruleKeyword: Readonly<Record<Rule["kind"], KeywordKey>> = {
  DutyRule: "duty",
  EscalationRule: "escalation",
  AccountabilityRule: "accountability",
};

/**
 * Prints a module in the canonical layout. The parts printed are those of `module`; a caller
 * formatting part of a file (a literate code block) passes a module holding just that part.
 * @example
 * ```ts
 * import { formatModule, parse } from "@remit/lang";
 * const { module } = parse('policy "P"\ncollection hazards {  foundOn: date\n listedOn: optional date }\n', "p.remit");
 * console.log(JSON.stringify(formatModule(module, { keywords: "zh" }))); // "政策 \"P\"\n\n集合 hazards {\n  foundOn: 日期\n  listedOn: 可选 日期\n}\n"
 * ```
 */
export function formatModule(module: Module, options: FormatOptions = {}): string {
  const printer = new Printer(options);
  printer.printModule(module);
  return placeComments(printer.out, printer.anchors, module.comments, options.source);
}

/** Printer state: the output, the anchors met, and how keywords are spelled. */
class Printer {
  readonly out = new Output();
  readonly anchors: Anchor[] = [];
  private readonly mode: "en" | "zh" | "preserve";
  private readonly source: string | undefined;
  private readonly lineWidth: number;
  /** The language of the enclosing declaration's keyword, used when a gap tells nothing. */
  private fallback: KeywordLanguage = "en";

  constructor(options: FormatOptions) {
    this.mode = options.keywords ?? "preserve";
    this.source = options.source;
    this.lineWidth = options.lineWidth ?? 100;
  }

  printModule(module: Module): void {
    let previous: TopLevelPart | undefined;
    const separate = (next: TopLevelPart) => {
      if (previous !== undefined && this.blankBetween(previous, next)) this.out.blank();
      previous = next;
    };
    if (module.header !== undefined) {
      separate({ span: module.header.span, isImport: false });
      this.printHeader(module.header);
    }
    for (const entry of module.imports) {
      separate({ span: entry.span, isImport: true });
      this.printImport(entry);
    }
    for (const declaration of module.declarations) {
      if (declaration.kind === "ClauseDecl" && declaration.origin === "heading") continue;
      separate({ span: declaration.span, isImport: false });
      this.printDeclaration(declaration);
    }
  }

  /**
   * Whether a blank line separates two top-level parts: the author's grouping is kept (a blank
   * line when the source has one or more between them, none when it has none). Parts the source
   * writes on one line, or a module printed without its source, have no grouping to keep and get
   * the layout of a file written from scratch: imports together, a blank line around everything else.
   */
  private blankBetween(previous: TopLevelPart, next: TopLevelPart): boolean {
    const gap = this.source?.slice(previous.span.end.offset, next.span.start.offset).replace(/\r\n?/g, "\n");
    if (gap === undefined || !gap.includes("\n")) return !(previous.isImport && next.isImport);
    return /\n[ \t\u3000]*\n/.test(gap);
  }

  // -------------------------------------------------------------------------------------------
  // Keyword spelling

  /** The language of the words in `source[from, to)`, comments aside; undefined when none. */
  private languageBetween(from: number, to: number): KeywordLanguage | undefined {
    if (this.source === undefined || to <= from) return undefined;
    const gap = this.source.slice(from, to).replace(/#[^\n]*/g, "");
    const word = /[\p{L}_]+/u.exec(gap);
    if (word === null) return undefined;
    return /\p{Script=Han}/u.test(word[0]) ? "zh" : "en";
  }

  private language(from: number, to: number): KeywordLanguage {
    if (this.mode !== "preserve") return this.mode;
    return this.languageBetween(from, to) ?? this.fallback;
  }

  /** The spelling of a keyword found in the source between two offsets. */
  private kw(key: KeywordKey, from: number, to: number): string {
    return keywordSpellings[key][this.language(from, to)];
  }

  /** Opens an anchor group on a new line. */
  private line(indent: number, span: Span): void {
    const group = this.anchors.length;
    this.anchors.push({ group, start: span.start.offset, line: span.start.line });
    this.out.newline(indent, group);
  }

  // -------------------------------------------------------------------------------------------
  // Header and imports

  private printHeader(header: PolicyHeader): void {
    this.fallback = "en";
    this.fallback = this.language(header.span.start.offset, header.name.span.start.offset);
    const siblings = [
      header.name,
      header.version,
      header.source,
      header.effective,
      header.warning,
      header.readers,
      header.calendar,
      header.rollOver,
      header.grouping,
    ];
    const before = (span: Span) => gapBefore(siblings, header.span, span);
    // A bare keyword holds no node, so it is not among the parts: it goes after the calendar it
    // rolls deadlines over on, before the grouping.
    let rollOverPending = header.rollOver !== undefined;
    const printRollOver = () => {
      if (!rollOverPending || header.rollOver === undefined) return;
      rollOverPending = false;
      const { span } = header.rollOver;
      this.line(INDENT, span);
      this.out.append(this.kw("rollOver", span.start.offset, span.end.offset));
    };
    for (const part of partsOf(header)) {
      switch (part.name) {
        case "name":
          this.line(0, header.span);
          this.out.append(`${this.kw("policy", ...before(part.value.span))} ${quote(part.value.value)}`);
          break;
        case "version":
        case "source":
          this.line(INDENT, part.value.span);
          this.out.append(`${this.kw(part.name, ...before(part.value.span))} ${quote(part.value.value)}`);
          break;
        case "effective":
          this.line(INDENT, part.value.span);
          this.out.append(`${this.kw("effective", ...before(part.value.span))} ${part.value.value}`);
          break;
        case "warning":
          this.line(INDENT, part.value.span);
          this.out.append(`${this.kw("warning", ...before(part.value.span))} `);
          this.clauseExpr(part.value, INDENT);
          break;
        case "readers": {
          this.line(INDENT, part.value.span);
          const language = this.language(...before(part.value.span));
          const value = readerLanguageKeywords[part.value.language];
          this.out.append(`${this.kw("readers", ...before(part.value.span))} ${value[language][0]}`);
          break;
        }
        case "calendar":
          this.line(INDENT, part.value.span);
          this.out.append(`${this.kw("calendar", ...before(part.value.span))} ${quote(part.value.value)}`);
          break;
        case "grouping":
          printRollOver();
          this.printGrouping(part.value);
          break;
        default:
          assertNever(part, "header part");
      }
    }
    printRollOver();
  }

  /** `group by townships others "县级"` / `分组 townships 其余 "县级"`. */
  private printGrouping(grouping: Grouping): void {
    this.line(INDENT, grouping.span);
    const groupBy = this.kw("groupBy", grouping.span.start.offset, grouping.collection.span.start.offset);
    this.out.append(`${groupBy} ${grouping.collection.name}`);
    if (grouping.others !== undefined) {
      const othersWord = this.kw(
        "others",
        grouping.collection.span.end.offset,
        grouping.others.span.start.offset,
      );
      this.out.append(` ${othersWord} ${quote(grouping.others.value)}`);
    }
  }

  /** `excluding a to b [for each c in xs]`, on a line of its own under the deadline. */
  private printPause(pause: PauseClause): void {
    this.line(INDENT * 2, pause.span);
    const start = pause.span.start.offset;
    const excluding = this.kw("excluding", start, pause.from.span.start.offset);
    const to = this.kw("to", pause.from.span.end.offset, pause.to.span.start.offset);
    this.out.append(
      `${excluding} ${this.expr(pause.from, Precedence.Or)} ${to} ${this.expr(pause.to, Precedence.Or)}`,
    );
    if (pause.variable !== undefined && pause.source !== undefined) {
      const forEach = this.kw("forEach", pause.to.span.end.offset, pause.variable.span.start.offset);
      const inWord = this.kw("in", pause.variable.span.end.offset, pause.source.span.start.offset);
      this.out.append(
        ` ${forEach} ${pause.variable.name} ${inWord} ${this.expr(pause.source, Precedence.Or)}`,
      );
    }
  }

  private printImport(entry: Import): void {
    const start = entry.span.start.offset;
    this.fallback = "en";
    this.fallback = this.language(start, entry.path.span.start.offset);
    this.line(0, entry.span);
    const importWord = this.kw("import", start, entry.path.span.start.offset);
    const asWord = this.kw("as", entry.path.span.end.offset, entry.alias.span.start.offset);
    this.out.append(`${importWord} ${quote(entry.path.value)} ${asWord} ${entry.alias.name}`);
  }

  // -------------------------------------------------------------------------------------------
  // Declarations

  private printDeclaration(declaration: Declaration): void {
    const first = firstChildStart(declaration);
    this.fallback = "en";
    this.fallback = this.language(declaration.span.start.offset, first);
    this.line(0, declaration.span);
    switch (declaration.kind) {
      case "ClauseDecl":
        this.printClause(declaration);
        return;
      case "ParamDecl":
        this.printParam(declaration);
        return;
      case "TypeDecl":
        this.printTypeDecl(declaration);
        return;
      case "CollectionDecl":
      case "RecordDecl":
        this.printFieldsDecl(declaration);
        return;
      case "DefineDecl":
        this.printDefine(declaration);
        return;
      case "DutyRule":
      case "EscalationRule":
      case "AccountabilityRule":
        this.printRule(declaration);
        return;
    }
  }

  private printClause(clause: ClauseDecl): void {
    const start = clause.span.start.offset;
    this.out.append(
      `${this.kw("clause", start, clause.id.span.start.offset)} ${clause.id.id} ${quote(clause.title.value)}`,
    );
    if (clause.text !== undefined) {
      this.line(INDENT, clause.text.span);
      const word = this.kw("clauseText", clause.title.span.end.offset, clause.text.span.start.offset);
      this.out.append(`${word} ${quote(clause.text.value)}`);
    }
  }

  private printParam(param: ParamDecl): void {
    const start = param.span.start.offset;
    this.out.append(`${this.kw("param", start, param.name.span.start.offset)} ${param.name.name}: `);
    this.printType(param.type, 0);
    this.out.append(" = ");
    this.out.append(this.expr(param.default, Precedence.If));
    if (param.description !== undefined) this.out.append(` ${quote(param.description.value)}`);
  }

  private printTypeDecl(declaration: TypeDecl): void {
    const start = declaration.span.start.offset;
    this.out.append(
      `${this.kw("type", start, declaration.name.span.start.offset)} ${declaration.name.name} = `,
    );
    this.printType(declaration.type, 0);
  }

  private printFieldsDecl(declaration: CollectionDecl | RecordDecl): void {
    const start = declaration.span.start.offset;
    const key = declaration.kind === "CollectionDecl" ? "collection" : "record";
    this.out.append(`${this.kw(key, start, declaration.name.span.start.offset)} ${declaration.name.name}`);
    if (declaration.label !== undefined) this.out.append(` ${quote(declaration.label.value)}`);
    const fieldsStart = declaration.fields[0]?.span.start.offset ?? declaration.span.end.offset;
    if (declaration.kind === "CollectionDecl" && declaration.optional) {
      const from = (declaration.label ?? declaration.name).span.end.offset;
      this.out.append(` ${this.kw("optional", from, declaration.since?.span.start.offset ?? fieldsStart)}`);
    }
    if (declaration.kind === "CollectionDecl" && declaration.since !== undefined) {
      const from = (declaration.label ?? declaration.name).span.end.offset;
      this.out.append(
        ` ${this.kw("since", from, declaration.since.span.start.offset)} ${declaration.since.name}`,
      );
    }
    const named = declaration.kind === "CollectionDecl" ? declaration.named : [];
    if (named[0] !== undefined) {
      const from =
        (declaration.kind === "CollectionDecl" ? declaration.since : undefined) ?? declaration.label;
      const word = this.kw("named", (from ?? declaration.name).span.end.offset, named[0].span.start.offset);
      this.out.append(` ${word} ${named.map((part) => part.name).join(".")}`);
    }
    this.out.append(" ");
    this.printFieldBlock(declaration.fields, 0);
  }

  /** `{`, the fields one per line, `}` on a line of its own at `indent`; `{}` when empty. */
  private printFieldBlock(fields: readonly FieldDecl[], indent: number): void {
    if (fields.length === 0) {
      this.out.append("{}");
      return;
    }
    this.out.append("{");
    for (const field of fields) this.printField(field, indent + INDENT);
    this.out.newline(indent);
    this.out.append("}");
  }

  private printField(field: FieldDecl, indent: number): void {
    this.line(indent, field.span);
    if (field.reference !== undefined) {
      const reference = field.reference;
      let text = `${field.name.name} -> `;
      if (reference.optional) {
        text += `${this.kw("optional", field.name.span.end.offset, reference.target.span.start.offset)} `;
      }
      const asWord = this.kw("as", reference.target.span.end.offset, reference.as.span.start.offset);
      text += `${qualified(reference.target)} ${asWord} ${reference.as.name}`;
      this.out.append(text);
    } else {
      this.out.append(`${field.name.name}: `);
      if (field.type !== undefined) this.printType(field.type, indent);
    }
    if (field.label !== undefined) this.out.append(` ${quote(field.label.value)}`);
  }

  private printType(type: TypeExpr, indent: number): void {
    const start = type.span.start.offset;
    switch (type.kind) {
      case "PrimitiveType": {
        if (type.planned) {
          const language = this.language(start, type.span.end.offset);
          this.out.append(`${keywordSpellings.planned[language]} ${primitiveTypeSpellings.date[language]}`);
          return;
        }
        const end = type.unit === undefined ? type.span.end.offset : type.unit.span.start.offset;
        this.out.append(primitiveTypeSpellings[type.name][this.language(start, end)]);
        if (type.unit !== undefined) this.out.append(` [${type.unit.name}]`);
        return;
      }
      case "EnumType": {
        const end = type.values[0]?.span.start.offset ?? type.span.end.offset;
        const values = type.values.map((value) => quote(value.value)).join(", ");
        this.out.append(`${this.kw("enum", start, end)}(${values})`);
        return;
      }
      case "ListType":
        this.out.append(`${this.kw("list", start, type.element.span.start.offset)} `);
        this.printType(type.element, indent);
        return;
      case "OptionalType":
        this.out.append(`${this.kw("optional", start, type.inner.span.start.offset)} `);
        this.printType(type.inner, indent);
        return;
      case "RecordType": {
        const end = type.fields[0]?.span.start.offset ?? type.span.end.offset;
        this.out.append(`${this.kw("record", start, end)} `);
        this.printFieldBlock(type.fields, indent);
        return;
      }
      case "NamedType":
        this.out.append(qualified(type.name));
        return;
    }
  }

  private printDefine(define: DefineDecl): void {
    const start = define.span.start.offset;
    this.out.append(`${this.kw("define", start, define.name.span.start.offset)} ${define.name.name}`);
    if (define.params.length > 0) {
      this.out.append("(");
      define.params.forEach((param, index) => {
        if (index > 0) this.out.append(", ");
        this.out.append(`${param.name.name}: `);
        this.printType(param.type, 0);
      });
      this.out.append(")");
    }
    if (define.returnType !== undefined) {
      this.out.append(": ");
      this.printType(define.returnType, 0);
    }
    if (define.label !== undefined) this.out.append(` ${quote(define.label.value)}`);
    this.out.append(" = ");
    this.clauseExpr(define.body, 0, "definition");
  }

  // -------------------------------------------------------------------------------------------
  // Rules

  private printRule(rule: Rule): void {
    const start = rule.span.start.offset;
    // The rule's parts bound the keywords written between them.
    const children = childrenOf(rule);
    const before = (span: Span) => gapBefore(children, rule.span, span);
    this.out.append(
      `${this.kw(ruleKeyword[rule.kind], start, rule.id.span.start.offset)} ${rule.id.text} ${quote(rule.title.value)}`,
    );

    for (const part of ruleParts(rule)) this.printRulePart(part, before);
  }

  /** One clause of a rule, on its own line; a part every rule kind can have is printed here once. */
  private printRulePart(part: RulePart, before: (span: Span) => [number, number]): void {
    switch (part.name) {
      case "id":
      case "title":
        // Printed on the rule's first line.
        return;
      case "modality": {
        const modality = part.value;
        this.line(INDENT, modality.span);
        this.out.append(this.kw(modality.value, modality.span.start.offset, modality.span.end.offset));
        return;
      }
      case "cites": {
        const [first] = part.value;
        if (first === undefined) return;
        this.line(INDENT, first.span);
        const cites = part.value.map((id) => id.id).join(", ");
        this.out.append(`${this.kw("cites", ...before(first.span))} ${cites}`);
        return;
      }
      case "subject":
        this.printSubject(part.value, before);
        return;
      case "lets":
        for (const binding of part.value) {
          this.line(INDENT, binding.span);
          const from = Math.min(before(binding.span)[0], binding.span.start.offset);
          this.out.append(`${this.kw("let", from, binding.name.span.start.offset)} ${binding.name.name} = `);
          this.clauseExpr(binding.value, INDENT);
        }
        return;
      case "holder":
        this.keywordClause("holder", part.value, before);
        return;
      case "requirement":
        this.keywordClause("requires", part.value, before);
        return;
      case "forbidden":
        this.keywordClause("forbids", part.value, before);
        return;
      case "deadline":
        this.printDeadline(part.value, before);
        return;
      case "start":
        this.keywordClause("starts", part.value, before);
        return;
      case "levels":
        for (const level of part.value) this.printLevel(level, before);
        return;
      case "closes":
        this.keywordClause("closes", part.value, before);
        return;
      case "overdueAfter":
        this.keywordClause("overdueAfter", part.value, before);
        return;
      case "asAt":
        this.keywordClause("asAt", part.value, before);
        return;
      case "causes":
        for (const cause of part.value) this.printCause(cause, before);
        return;
      case "targets": {
        const [first] = part.value;
        if (first === undefined) return;
        this.line(INDENT, first.span);
        const targets = part.value.map((target) => this.expr(target, Precedence.Or)).join(", ");
        this.out.append(`${this.kw("targets", ...before(first.span))} ${targets}`);
        return;
      }
      default:
        assertNever(part, "rule part");
    }
  }

  private printSubject(subject: Subject, before: (span: Span) => [number, number]): void {
    this.line(INDENT, subject.span);
    if (subject.variable === undefined) {
      this.out.append(`${this.kw("for", ...before(subject.source.span))} `);
      this.out.append(this.expr(subject.source, Precedence.Postfix));
      return;
    }
    const variable = subject.variable;
    const forFrom = Math.min(before(subject.span)[0], subject.span.start.offset);
    const inWord = this.kw("in", variable.span.end.offset, subject.source.span.start.offset);
    this.out.append(`${this.kw("forEach", forFrom, variable.span.start.offset)} ${variable.name} ${inWord} `);
    this.out.append(this.expr(subject.source, Precedence.Additive));
    if (subject.filter !== undefined) {
      this.out.append(
        ` ${this.kw("where", subject.source.span.end.offset, subject.filter.span.start.offset)} `,
      );
      this.clauseExpr(subject.filter, INDENT);
    }
  }

  /** A rule clause made of one keyword and one expression: `holder …`, `requires …`. */
  private keywordClause(key: KeywordKey, value: Expr, before: (span: Span) => [number, number]): void {
    this.line(INDENT, value.span);
    this.out.append(`${this.kw(key, ...before(value.span))} `);
    this.clauseExpr(value, INDENT);
  }

  private printDeadline(deadline: Deadline, before: (span: Span) => [number, number]): void {
    this.line(INDENT, deadline.span);
    switch (deadline.kind) {
      case "ByDeadline": {
        const from = Math.min(before(deadline.span)[0], deadline.span.start.offset);
        this.out.append(`${this.kw("by", from, deadline.date.span.start.offset)} `);
        this.clauseExpr(deadline.date, INDENT);
        return;
      }
      case "WithinDeadline": {
        const from = Math.min(before(deadline.span)[0], deadline.span.start.offset);
        const within = this.kw("within", from, deadline.duration.span.start.offset);
        const of = this.kw("of", deadline.duration.span.end.offset, deadline.from.span.start.offset);
        this.out.append(`${within} ${this.expr(deadline.duration, Precedence.Or)} ${of} `);
        this.clauseExpr(deadline.from, INDENT);
        for (const pause of deadline.pauses) this.printPause(pause);
        return;
      }
      case "RecurringDeadline": {
        const from = Math.min(before(deadline.span)[0], deadline.span.start.offset);
        const every =
          recurrenceSpellings[deadline.unit][this.language(from, deadline.from.span.start.offset)];
        const fromWord = this.kw("from", from, deadline.from.span.start.offset);
        this.out.append(`${every} ${fromWord} ${this.expr(deadline.from, Precedence.Or)}`);
        if (deadline.until !== undefined) {
          const until = this.kw("until", deadline.from.span.end.offset, deadline.until.span.start.offset);
          this.out.append(` ${until} `);
          this.clauseExpr(deadline.until, INDENT);
        }
        if (deadline.afterEnd !== undefined) {
          const last = deadline.until ?? deadline.from;
          const language = this.language(last.span.end.offset, deadline.span.end.offset);
          const duration = this.expr(deadline.afterEnd, Precedence.Or);
          this.out.append(
            ` ${afterEndSpellings.before[language]} ${duration} ${afterEndSpellings.after[language]}`,
          );
        }
        return;
      }
    }
  }

  private printLevel(level: EscalationLevel, before: (span: Span) => [number, number]): void {
    this.line(INDENT, level.span);
    const from = Math.min(before(level.span)[0], level.span.start.offset);
    this.out.append(`${this.kw("level", from, level.name.span.start.offset)} ${level.name.name}`);
    let cursor = level.name.span.end.offset;
    if (level.label !== undefined) {
      this.out.append(` ${quote(level.label.value)}`);
      cursor = level.label.span.end.offset;
    }
    const threshold = level.after ?? level.when;
    if (threshold !== undefined) {
      const key = level.after !== undefined ? "after" : "when";
      this.out.append(
        ` ${this.kw(key, cursor, threshold.span.start.offset)} ${this.expr(threshold, Precedence.Or)}`,
      );
      cursor = threshold.span.end.offset;
    }
    if (level.holder !== undefined) {
      this.out.append(` ${this.kw("holder", cursor, level.holder.span.start.offset)} `);
      this.clauseExpr(level.holder, INDENT);
    }
  }

  private printCause(cause: Cause, before: (span: Span) => [number, number]): void {
    this.line(INDENT, cause.span);
    const from = Math.min(before(cause.span)[0], cause.span.start.offset);
    const causeWord = this.kw("cause", from, cause.label.span.start.offset);
    const when = this.kw("when", cause.label.span.end.offset, cause.condition.span.start.offset);
    this.out.append(`${causeWord} ${quote(cause.label.value)} ${when} `);
    this.clauseExpr(cause.condition, INDENT);
    const firstTarget = cause.targets[0];
    if (firstTarget !== undefined) {
      const targets = cause.targets.map((target) => this.expr(target, Precedence.Or)).join(", ");
      const word = this.kw("targets", cause.condition.span.end.offset, firstTarget.span.start.offset);
      this.out.append(` ${word} ${targets}`);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Expressions

  /**
   * The expression ending a clause line: flat when it fits. Otherwise a conditional moves to
   * lines of its own below the clause, one branch a line; a top-level `and`/`or` chain stays on
   * the clause line and breaks before each operator. A definition's body moves below its head
   * first (`definition`), then breaks the same way.
   */
  private clauseExpr(expr: Expr, indent: number, style: "clause" | "definition" = "clause"): void {
    const flat = this.expr(expr, Precedence.If);
    if (this.fits(flat)) {
      this.out.append(flat);
      return;
    }
    if (style === "definition" || expr.kind === "IfExpr") {
      this.out.trimEnd();
      this.out.continuation(indent + INDENT);
      this.brokenExpr(expr, indent + INDENT);
      return;
    }
    if (isChain(expr)) {
      this.chain(expr, indent);
      return;
    }
    this.out.append(flat);
  }

  /** An expression starting a line of its own at `indent`. */
  private brokenExpr(expr: Expr, indent: number): void {
    const flat = this.expr(expr, Precedence.If);
    if (this.fits(flat)) this.out.append(flat);
    else if (expr.kind === "IfExpr") this.conditional(expr, indent);
    else if (isChain(expr)) this.chain(expr, indent);
    else this.out.append(flat);
  }

  private fits(text: string): boolean {
    return this.out.column() + displayWidth(text) <= this.lineWidth;
  }

  /** `a or b or c` broken before each operator, continuation lines one step in. */
  private chain(expr: Extract<Expr, { kind: "BinaryExpr" }>, indent: number): void {
    const operator = expr.operator;
    const links = chainLinks(expr);
    const operandPrecedence = operator === "or" ? Precedence.And : Precedence.Not;
    this.out.append(this.expr(links.first, operator === "or" ? Precedence.Or : Precedence.And));
    for (const link of links.rest) {
      this.out.continuation(indent + INDENT);
      const word = this.kw(operator === "or" ? "or" : "and", link.gapFrom, link.operand.span.start.offset);
      this.out.append(`${word} ${this.expr(link.operand, operandPrecedence)}`);
    }
  }

  /**
   * A conditional over lines at `indent`: `if c then a` / `else if c then a` / `else e` when each
   * such line fits, else `if c` / `then a` / `else …` with long conditions broken as chains.
   */
  private conditional(expr: Extract<Expr, { kind: "IfExpr" }>, indent: number): void {
    const branches: Extract<Expr, { kind: "IfExpr" }>[] = [expr];
    let last: Expr = expr.else;
    while (last.kind === "IfExpr") {
      branches.push(last);
      last = last.else;
    }
    const finalBranch = branches[branches.length - 1] ?? expr;
    const words = branches.map((branch) => ({
      if: this.kw("if", branch.span.start.offset, branch.condition.span.start.offset),
      thenWord: this.kw("thenWord", branch.condition.span.end.offset, branch.then.span.start.offset),
      else: this.kw("else", branch.then.span.end.offset, branch.else.span.start.offset),
    }));
    const compact = branches.map((branch, index) => {
      const head = `${words[index]?.if} ${this.expr(branch.condition, Precedence.If)} ${words[index]?.thenWord} ${this.expr(branch.then, Precedence.If)}`;
      return index === 0 ? head : `${words[index - 1]?.else} ${head}`;
    });
    compact.push(`${words[words.length - 1]?.else} ${this.expr(finalBranch.else, Precedence.If)}`);
    if (compact.every((line) => indent + displayWidth(line) <= this.lineWidth)) {
      compact.forEach((line, index) => {
        if (index > 0) this.out.continuation(indent);
        this.out.append(line);
      });
      return;
    }
    branches.forEach((branch, index) => {
      if (index > 0) this.out.continuation(indent);
      this.out.append(
        index === 0 ? `${words[index]?.if} ` : `${words[index - 1]?.else} ${words[index]?.if} `,
      );
      this.conditionPart(branch.condition, indent);
      this.out.continuation(indent);
      this.out.append(`${words[index]?.thenWord} ${this.expr(branch.then, Precedence.If)}`);
    });
    this.out.continuation(indent);
    this.out.append(`${words[words.length - 1]?.else} ${this.expr(finalBranch.else, Precedence.If)}`);
  }

  /** A condition after `if`: flat when it fits, else broken as a chain. */
  private conditionPart(condition: Expr, indent: number): void {
    const flat = this.expr(condition, Precedence.If);
    if (!this.fits(flat) && isChain(condition)) this.chain(condition, indent);
    else this.out.append(flat);
  }

  /** The expression printed flat, parenthesised if it binds looser than `context`. */
  expr(expr: Expr, context: Precedence): string {
    const text = this.exprText(expr);
    return precedenceOf(expr) < context ? `(${text})` : text;
  }

  private exprText(expr: Expr): string {
    const span = expr.span;
    switch (expr.kind) {
      case "NumberLiteral":
        return expr.raw;
      case "StringLiteral":
        return quote(expr.value);
      case "BoolLiteral":
        return this.kw(expr.value ? "true" : "false", span.start.offset, span.end.offset);
      case "DateLiteral":
        return expr.value;
      case "DurationLiteral":
        return this.durationText(expr.amount, expr.unit, span);
      case "NoneLiteral":
        return this.kw("none", span.start.offset, span.end.offset);
      case "ListLiteral":
        return `[${expr.elements.map((element) => this.expr(element, Precedence.If)).join(", ")}]`;
      case "NameExpr":
        return expr.name.name;
      case "MemberExpr": {
        const objectText = this.expr(expr.object, Precedence.Postfix);
        const bare = expr.object.kind === "NumberLiteral" || expr.object.kind === "DurationLiteral";
        // `5.x` would read as a number: a literal object keeps parentheses.
        return `${bare || expr.object.kind === "DateLiteral" ? `(${objectText})` : objectText}.${expr.property.name}`;
      }
      case "CallExpr":
        return `${qualified(expr.callee)}(${expr.args.map((arg) => this.expr(arg, Precedence.If)).join(", ")})`;
      case "UnaryExpr": {
        if (expr.operator === "not") {
          const word = this.kw("not", span.start.offset, expr.operand.span.start.offset);
          return `${word} ${this.expr(expr.operand, Precedence.Not)}`;
        }
        const operand = this.expr(expr.operand, Precedence.Unary);
        return operand.startsWith("-") ? `- ${operand}` : `-${operand}`;
      }
      case "BinaryExpr": {
        const [leftContext, rightContext] = operandContexts(expr.operator);
        const left = this.expr(expr.left, leftContext);
        const right = this.expr(expr.right, rightContext);
        return `${left} ${this.operatorText(expr.operator, expr.left.span.end.offset, expr.right.span.start.offset)} ${right}`;
      }
      case "IsSetExpr": {
        const word = this.kw(
          expr.negated ? "isMissing" : "isSet",
          expr.operand.span.end.offset,
          span.end.offset,
        );
        return `${this.expr(expr.operand, Precedence.Additive)} ${word}`;
      }
      case "IfExpr": {
        const ifWord = this.kw("if", span.start.offset, expr.condition.span.start.offset);
        const thenWord = this.kw("thenWord", expr.condition.span.end.offset, expr.then.span.start.offset);
        const elseWord = this.kw("else", expr.then.span.end.offset, expr.else.span.start.offset);
        const condition = this.expr(expr.condition, Precedence.If);
        return `${ifWord} ${condition} ${thenWord} ${this.expr(expr.then, Precedence.If)} ${elseWord} ${this.expr(expr.else, Precedence.If)}`;
      }
      case "AggregateExpr": {
        const name =
          aggregateSpellings[expr.operator][
            this.language(span.start.offset, expr.variable.span.start.offset)
          ];
        const inWord = this.kw("in", expr.variable.span.end.offset, expr.source.span.start.offset);
        let text = `${name}(${expr.variable.name} ${inWord} ${this.expr(expr.source, Precedence.Additive)}`;
        if (expr.filter !== undefined) {
          const where = this.kw("where", expr.source.span.end.offset, expr.filter.span.start.offset);
          text += ` ${where} ${this.expr(expr.filter, Precedence.If)}`;
        }
        if (expr.value !== undefined) text += ` : ${this.expr(expr.value, Precedence.If)}`;
        return `${text})`;
      }
      case "ParenExpr":
        return `(${this.expr(expr.inner, Precedence.If)})`;
    }
  }

  /**
   * An operator as written between `from` and `to`: a keyword in its language, a comparison sign
   * in the author's spelling (`≥` or `>=`, both read by the lexer), else its ASCII form.
   */
  private operatorText(operator: BinaryOperatorName, from: number, to: number): string {
    if (operator === "and" || operator === "or" || operator === "in") return this.kw(operator, from, to);
    const sign = mathematicalSigns[operator];
    if (sign === undefined || this.source === undefined) return operator;
    const written = this.source.slice(from, to).replace(/#[^\n]*/g, "");
    return written.includes(sign) ? sign : operator;
  }

  private durationText(amount: number, unit: Parameters<typeof durationUnitSpelling>[0], span: Span): string {
    if (this.mode === "preserve" && this.source !== undefined) {
      // The unit as written (`day`, `days`, `天`, `日`, `working days`): whatever follows the digits.
      const written = /[\p{L}_]+(?:\s+[\p{L}_]+)?$/u.exec(
        this.source.slice(span.start.offset, span.end.offset).trim(),
      );
      if (written !== null) return `${amount} ${written[0].replace(/\s+/u, " ")}`;
    }
    return `${amount} ${durationUnitSpelling(unit, amount, this.language(span.start.offset, span.end.offset))}`;
  }
}

type BinaryOperatorName = Extract<Expr, { kind: "BinaryExpr" }>["operator"];

/** The comparisons with a mathematical sign of their own, which the author may write instead. */
const mathematicalSigns: Partial<Readonly<Record<BinaryOperatorName, string>>> = {
  ">=": "≥",
  "<=": "≤",
  "!=": "≠",
};

function precedenceOf(expr: Expr): Precedence {
  switch (expr.kind) {
    case "IfExpr":
      return Precedence.If;
    case "BinaryExpr":
      return binaryPrecedence(expr.operator);
    case "UnaryExpr":
      return expr.operator === "not" ? Precedence.Not : Precedence.Unary;
    case "IsSetExpr":
      return Precedence.Compare;
    case "MemberExpr":
      return Precedence.Postfix;
    case "NumberLiteral":
    case "StringLiteral":
    case "BoolLiteral":
    case "DateLiteral":
    case "DurationLiteral":
    case "NoneLiteral":
    case "ListLiteral":
    case "NameExpr":
    case "CallExpr":
    case "AggregateExpr":
    case "ParenExpr":
      return Precedence.Primary;
    default:
      return assertNever(expr, "expression");
  }
}

function binaryPrecedence(operator: BinaryOperatorName): Precedence {
  switch (operator) {
    case "or":
      return Precedence.Or;
    case "and":
      return Precedence.And;
    case "+":
    case "-":
      return Precedence.Additive;
    case "*":
    case "/":
      return Precedence.Multiplicative;
    case "=":
    case "!=":
    case "<":
    case "<=":
    case ">":
    case ">=":
    case "in":
      return Precedence.Compare;
    default:
      return assertNever(operator, "operator");
  }
}

/** The least binding strength each side needs to print without parentheses. */
function operandContexts(operator: BinaryOperatorName): [Precedence, Precedence] {
  const own = binaryPrecedence(operator);
  // Comparisons do not chain: both sides must be additive.
  if (own === Precedence.Compare) return [Precedence.Additive, Precedence.Additive];
  // Left-associative: the left side may be the same operator, the right side must bind tighter.
  return [own, own + 1];
}

/**
 * Whether the expression may be broken over lines: a top-level `and`/`or` chain.
 */
function isChain(expr: Expr): expr is Extract<Expr, { kind: "BinaryExpr" }> & { operator: "and" | "or" } {
  return expr.kind === "BinaryExpr" && (expr.operator === "and" || expr.operator === "or");
}

interface ChainLink {
  readonly operand: Expr;
  /** Where the operator's gap begins (the end of the previous operand). */
  readonly gapFrom: number;
}

/** `a or b or c` (left-nested) as its first operand and the rest, each after its operator. */
function chainLinks(expr: Extract<Expr, { kind: "BinaryExpr" }>): { first: Expr; rest: ChainLink[] } {
  const rest: ChainLink[] = [];
  let current: Expr = expr;
  while (current.kind === "BinaryExpr" && current.operator === expr.operator) {
    rest.unshift({ operand: current.right, gapFrom: current.left.span.end.offset });
    current = current.left;
  }
  return { first: current, rest };
}

export function quote(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
}

function qualified(name: QualifiedName): string {
  return name.parts.map((part) => part.name).join(".");
}

type Spanned = { readonly span: Span } | undefined;

/** The source range before `target` not covered by a sibling: where its keyword is written. */
function gapBefore(siblings: readonly Spanned[], parent: Span, target: Span): [number, number] {
  let from = parent.start.offset;
  for (const sibling of siblings) {
    const end = sibling?.span.end.offset;
    if (end !== undefined && end <= target.start.offset && end > from) from = end;
  }
  return [from, target.start.offset];
}

/** Where the first named part of a declaration starts: its keyword is written before it. */
function firstChildStart(declaration: Declaration): number {
  switch (declaration.kind) {
    case "ClauseDecl":
      return declaration.id.span.start.offset;
    case "DutyRule":
    case "EscalationRule":
    case "AccountabilityRule":
      return declaration.id.span.start.offset;
    case "ParamDecl":
    case "TypeDecl":
    case "CollectionDecl":
    case "RecordDecl":
    case "DefineDecl":
      return declaration.name.span.start.offset;
    default:
      return assertNever(declaration, "declaration");
  }
}
