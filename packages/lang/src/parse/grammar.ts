/**
 * The grammar of docs/language.md as a pure chevrotain parser: no embedded actions, the concrete
 * syntax tree is turned into the syntax tree by build.ts. Labels name the parts the builder reads.
 */
import { CstParser, type IOrAlt, type IParserErrorMessageProvider, type TokenType } from "chevrotain";
import {
  AnyKeyword,
  Arrow,
  Colon,
  Comma,
  DateLiteral,
  Dot,
  Equal,
  Greater,
  GreaterEqual,
  Identifier,
  keywordTokens,
  LBrace,
  LBracket,
  Less,
  LessEqual,
  LParen,
  Minus,
  NotDeclarationStart,
  NotEqual,
  NumberLiteral,
  Plus,
  RBrace,
  RBracket,
  RParen,
  Slash,
  Star,
  StringLiteral,
  vocabulary,
} from "../scan/tokens.js";
import {
  aggregateKeywords,
  durationUnitKeywords,
  type KeywordName,
  type KeywordSpelling,
  modalityKeywords,
  periodUnitKeywords,
  readerLanguageKeywords,
  recurrenceKeywords,
} from "../syntax/keywords.js";

/** The keyword token types by name (`K.Duty`), from the keyword table. */
const K = keywordTokens;

const tokensOf = (group: Readonly<Record<string, KeywordSpelling<KeywordName>>>): TokenType[] =>
  Object.values(group).map((keyword) => K[keyword.name]);
/** `must` is its own alternative (it may be followed by `not`). */
const modalityTokens = tokensOf(modalityKeywords).filter((token) => token !== K.Must);
const readerLanguageTokens = tokensOf(readerLanguageKeywords);
const aggregateTokens = tokensOf(aggregateKeywords);
const durationUnitTokens = tokensOf(durationUnitKeywords);
/** `every week` … `every year`. */
const recurrenceUnitTokens = tokensOf(periodUnitKeywords);
/** `每周` … `每年`. */
const everyTokens = tokensOf(recurrenceKeywords);

/** The literals a list may hold as its own tokens, and what may follow one there. */
const literalTokens: ReadonlySet<TokenType> = new Set([
  NumberLiteral,
  StringLiteral,
  DateLiteral,
  K.True,
  K.False,
  K.None,
]);
const listEnd: ReadonlySet<TokenType> = new Set([Comma, RBracket]);

/** The places the grammar chooses between alternatives, each with its own cache. */
type AlternationSite =
  | "module"
  | "headerPart"
  | "readers"
  | "declaration"
  | "name"
  | "clauseTextKeyword"
  | "fieldKind"
  | "primitiveType"
  | "typeExpr"
  | "modality"
  | "subject"
  | "deadline"
  | "dutyBody"
  | "afterEnd"
  | "recurrenceUnit"
  | "recurrence"
  | "levelTrigger"
  | "asAt"
  | "expr"
  | "notExpr"
  | "comparison"
  | "isSetWord"
  | "isSet"
  | "additiveOperator"
  | "multiplicativeOperator"
  | "unary"
  | "keywordCall"
  | "primary"
  | "listElement"
  | "literal"
  | "durationUnit"
  | "aggregate";

export class RemitParser extends CstParser {
  /**
   * Each `OR`'s alternatives, built on its first run and reused (chevrotain's performance guide,
   * "Caching Arrays of Alternatives"): building them afresh at every call allocated a dozen
   * closures per expression. One cache per alternation site, all declared here so the object's
   * shape never changes.
   */
  private readonly alternatives: Record<AlternationSite, IOrAlt<unknown>[] | undefined> = {
    module: undefined,
    headerPart: undefined,
    readers: undefined,
    declaration: undefined,
    name: undefined,
    clauseTextKeyword: undefined,
    fieldKind: undefined,
    primitiveType: undefined,
    typeExpr: undefined,
    modality: undefined,
    subject: undefined,
    deadline: undefined,
    dutyBody: undefined,
    afterEnd: undefined,
    recurrenceUnit: undefined,
    recurrence: undefined,
    levelTrigger: undefined,
    asAt: undefined,
    expr: undefined,
    notExpr: undefined,
    comparison: undefined,
    isSetWord: undefined,
    isSet: undefined,
    additiveOperator: undefined,
    multiplicativeOperator: undefined,
    unary: undefined,
    keywordCall: undefined,
    primary: undefined,
    listElement: undefined,
    literal: undefined,
    durationUnit: undefined,
    aggregate: undefined,
  };

  /** Keeps a site's alternatives; written `this.alternatives.site ?? this.cache(site, […])`, the array is built once. */
  private cache(site: AlternationSite, alternatives: IOrAlt<unknown>[]): IOrAlt<unknown>[] {
    this.alternatives[site] = alternatives;
    return alternatives;
  }

  /** One alternative per token type, each consumed under `label`. */
  private oneOf(types: readonly TokenType[], label: string): IOrAlt<unknown>[] {
    return types.map((type) => ({ ALT: () => this.CONSUME(type, { LABEL: label }) }));
  }

  constructor(errorMessageProvider: IParserErrorMessageProvider) {
    super([...vocabulary], {
      recoveryEnabled: true,
      // Offsets let the builder find a node's first and last token without walking the node.
      nodeLocationTracking: "onlyOffset",
      errorMessageProvider,
      maxLookahead: 3,
    });
    this.performSelfAnalysis();
  }

  // -------------------------------------------------------------------------------------------
  // Module structure. Tokens that cannot start a declaration are gathered as `stray` so that,
  // after an error, parsing resumes at the next declaration keyword.

  public module = this.RULE("module", () => {
    this.MANY(() => {
      this.OR(
        this.alternatives.module ??
          this.cache("module", [
            { ALT: () => this.SUBRULE(this.header) },
            { ALT: () => this.SUBRULE(this.importDecl) },
            { ALT: () => this.SUBRULE(this.declaration) },
            { ALT: () => this.SUBRULE(this.stray) },
          ]),
      );
    });
  });

  private stray = this.RULE("stray", () => {
    this.AT_LEAST_ONE(() => this.CONSUME(NotDeclarationStart));
  });

  private header = this.RULE("header", () => {
    this.CONSUME(K.Policy);
    this.CONSUME(StringLiteral, { LABEL: "name" });
    this.MANY(() => {
      this.OR(
        this.alternatives.headerPart ??
          this.cache("headerPart", [
            {
              ALT: () => {
                this.CONSUME(K.Version);
                this.CONSUME2(StringLiteral, { LABEL: "version" });
              },
            },
            {
              ALT: () => {
                this.CONSUME(K.Source);
                this.CONSUME3(StringLiteral, { LABEL: "source" });
              },
            },
            {
              ALT: () => {
                this.CONSUME(K.Effective);
                this.CONSUME(DateLiteral, { LABEL: "effective" });
              },
            },
            {
              ALT: () => {
                this.CONSUME(K.Warning);
                this.SUBRULE(this.expr, { LABEL: "warning" });
              },
            },
            {
              ALT: () => {
                this.CONSUME(K.Group);
                this.OPTION(() => this.CONSUME(K.By));
                this.CONSUME(Identifier, { LABEL: "groupBy" });
                this.OPTION2(() => {
                  this.CONSUME(K.Others);
                  this.CONSUME4(StringLiteral, { LABEL: "others" });
                });
              },
            },
            {
              ALT: () => {
                this.CONSUME(K.Calendar);
                this.CONSUME5(StringLiteral, { LABEL: "calendar" });
              },
            },
            { ALT: () => this.CONSUME(K.RollOver, { LABEL: "rollOver" }) },
            {
              ALT: () => {
                this.CONSUME(K.Readers);
                this.OR2(
                  this.alternatives.readers ??
                    this.cache("readers", this.oneOf(readerLanguageTokens, "readers")),
                );
              },
            },
          ]),
      );
    });
  });

  private importDecl = this.RULE("importDecl", () => {
    this.CONSUME(K.Import);
    this.CONSUME(StringLiteral, { LABEL: "path" });
    this.CONSUME(K.As);
    this.CONSUME(Identifier, { LABEL: "alias" });
  });

  private declaration = this.RULE("declaration", () => {
    this.OR(
      this.alternatives.declaration ??
        this.cache("declaration", [
          { ALT: () => this.SUBRULE(this.clauseDecl) },
          { ALT: () => this.SUBRULE(this.paramDecl) },
          { ALT: () => this.SUBRULE(this.typeDecl) },
          { ALT: () => this.SUBRULE(this.collectionDecl) },
          { ALT: () => this.SUBRULE(this.recordDecl) },
          { ALT: () => this.SUBRULE(this.defineDecl) },
          { ALT: () => this.SUBRULE(this.dutyRule) },
          { ALT: () => this.SUBRULE(this.escalationRule) },
          { ALT: () => this.SUBRULE(this.accountabilityRule) },
        ]),
    );
  });

  /** A name that may be spelt like a keyword, where nothing else could stand (`h.level`). */
  private name = this.RULE("name", () => {
    this.OR(
      this.alternatives.name ??
        this.cache("name", [
          { ALT: () => this.CONSUME(Identifier) },
          { ALT: () => this.CONSUME(AnyKeyword) },
        ]),
    );
  });

  // -------------------------------------------------------------------------------------------
  // Declarations

  private clauseDecl = this.RULE("clauseDecl", () => {
    this.CONSUME(K.Clause);
    this.CONSUME(NumberLiteral, { LABEL: "id" });
    this.CONSUME(StringLiteral, { LABEL: "title" });
    this.OPTION(() => {
      this.OR(
        this.alternatives.clauseTextKeyword ??
          this.cache("clauseTextKeyword", [
            { ALT: () => this.CONSUME(K.ClauseText) },
            { ALT: () => this.CONSUME(K.TextType) },
          ]),
      );
      this.CONSUME2(StringLiteral, { LABEL: "text" });
    });
  });

  private paramDecl = this.RULE("paramDecl", () => {
    this.CONSUME(K.Param);
    this.CONSUME(Identifier, { LABEL: "name" });
    this.CONSUME(Colon);
    this.SUBRULE(this.typeExpr, { LABEL: "type" });
    this.CONSUME(Equal);
    this.SUBRULE(this.expr, { LABEL: "default" });
    this.OPTION(() => this.CONSUME(StringLiteral, { LABEL: "description" }));
  });

  private typeDecl = this.RULE("typeDecl", () => {
    this.CONSUME(K.Type);
    this.CONSUME(Identifier, { LABEL: "name" });
    this.CONSUME(Equal);
    this.SUBRULE(this.typeExpr, { LABEL: "type" });
  });

  private collectionDecl = this.RULE("collectionDecl", () => {
    this.CONSUME(K.Collection);
    this.CONSUME(Identifier, { LABEL: "name" });
    this.OPTION(() => this.CONSUME(StringLiteral, { LABEL: "label" }));
    this.OPTION3(() => this.CONSUME(K.Optional, { LABEL: "optional" }));
    this.OPTION2(() => {
      this.CONSUME(K.Since);
      this.SUBRULE(this.name, { LABEL: "since" });
    });
    this.OPTION4(() => {
      this.CONSUME(K.Named);
      this.SUBRULE2(this.name, { LABEL: "named" });
      this.MANY(() => {
        this.CONSUME(Dot);
        this.SUBRULE3(this.name, { LABEL: "named" });
      });
    });
    this.SUBRULE(this.fieldBlock);
  });

  private recordDecl = this.RULE("recordDecl", () => {
    this.CONSUME(K.Record);
    this.CONSUME(Identifier, { LABEL: "name" });
    this.OPTION(() => this.CONSUME(StringLiteral, { LABEL: "label" }));
    this.SUBRULE(this.fieldBlock);
  });

  private fieldBlock = this.RULE("fieldBlock", () => {
    this.CONSUME(LBrace);
    this.MANY(() => this.SUBRULE(this.field));
    this.CONSUME(RBrace);
  });

  private field = this.RULE("field", () => {
    this.SUBRULE(this.name, { LABEL: "name" });
    this.OR(
      this.alternatives.fieldKind ??
        this.cache("fieldKind", [
          {
            ALT: () => {
              this.CONSUME(Colon);
              this.SUBRULE(this.typeExpr, { LABEL: "type" });
            },
          },
          {
            ALT: () => {
              this.CONSUME(Arrow);
              this.OPTION(() => this.CONSUME(K.Optional));
              this.SUBRULE(this.qualified, { LABEL: "target" });
              this.CONSUME(K.As);
              this.SUBRULE2(this.name, { LABEL: "as" });
            },
          },
        ]),
    );
    this.OPTION2(() => this.CONSUME(StringLiteral, { LABEL: "label" }));
  });

  private typeExpr = this.RULE("typeExpr", () => {
    this.OR(
      this.alternatives.typeExpr ??
        this.cache("typeExpr", [
          {
            ALT: () => {
              this.CONSUME(K.Optional);
              this.SUBRULE(this.typeExpr, { LABEL: "inner" });
            },
          },
          {
            ALT: () => {
              this.CONSUME(K.List);
              this.SUBRULE2(this.typeExpr, { LABEL: "inner" });
            },
          },
          {
            ALT: () => {
              this.CONSUME(K.Planned);
              this.CONSUME(K.DateType, { LABEL: "primitive" });
            },
          },
          {
            ALT: () => {
              this.OR2(
                this.alternatives.primitiveType ??
                  this.cache("primitiveType", [
                    { ALT: () => this.CONSUME(K.TextType, { LABEL: "primitive" }) },
                    { ALT: () => this.CONSUME(K.Integer, { LABEL: "primitive" }) },
                    { ALT: () => this.CONSUME(K.Decimal, { LABEL: "primitive" }) },
                    { ALT: () => this.CONSUME(K.Bool, { LABEL: "primitive" }) },
                    { ALT: () => this.CONSUME2(K.DateType, { LABEL: "primitive" }) },
                    { ALT: () => this.CONSUME(K.Duration, { LABEL: "primitive" }) },
                  ]),
              );
              this.OPTION(() => {
                this.CONSUME(LBracket);
                this.SUBRULE(this.name, { LABEL: "unit" });
                this.CONSUME(RBracket);
              });
            },
          },
          {
            ALT: () => {
              this.CONSUME(K.Enum);
              this.CONSUME(LParen);
              this.CONSUME(StringLiteral, { LABEL: "value" });
              this.MANY(() => {
                this.CONSUME(Comma);
                this.CONSUME2(StringLiteral, { LABEL: "value" });
              });
              this.CONSUME(RParen);
            },
          },
          {
            ALT: () => {
              this.CONSUME(K.Record);
              this.SUBRULE(this.fieldBlock);
            },
          },
          { ALT: () => this.SUBRULE(this.qualified, { LABEL: "named" }) },
        ]),
    );
  });

  private qualified = this.RULE("qualified", () => {
    this.CONSUME(Identifier, { LABEL: "part" });
    this.MANY(() => {
      this.CONSUME(Dot);
      this.SUBRULE(this.name, { LABEL: "rest" });
    });
  });

  private defineDecl = this.RULE("defineDecl", () => {
    this.CONSUME(K.Define);
    this.CONSUME(Identifier, { LABEL: "name" });
    this.OPTION(() => {
      this.CONSUME(LParen);
      this.OPTION2(() => {
        this.SUBRULE(this.defineParam);
        this.MANY(() => {
          this.CONSUME(Comma);
          this.SUBRULE2(this.defineParam);
        });
      });
      this.CONSUME(RParen);
    });
    this.OPTION3(() => {
      this.CONSUME(Colon);
      this.SUBRULE(this.typeExpr, { LABEL: "returnType" });
    });
    this.OPTION4(() => this.CONSUME(StringLiteral, { LABEL: "label" }));
    this.CONSUME(Equal);
    this.SUBRULE(this.expr, { LABEL: "body" });
  });

  private defineParam = this.RULE("defineParam", () => {
    this.CONSUME(Identifier, { LABEL: "name" });
    this.CONSUME(Colon);
    this.SUBRULE(this.typeExpr, { LABEL: "type" });
  });

  // -------------------------------------------------------------------------------------------
  // Rules

  private ruleId = this.RULE("ruleId", () => {
    this.SUBRULE(this.name, { LABEL: "part" });
    this.MANY(() => {
      this.CONSUME(Minus, { LABEL: "dash" });
      this.SUBRULE2(this.name, { LABEL: "part" });
    });
  });

  private ruleHead = this.RULE("ruleHead", () => {
    this.SUBRULE(this.ruleId);
    this.CONSUME(StringLiteral, { LABEL: "title" });
    this.OPTION(() => this.SUBRULE(this.modality));
    // Optional here so that a rule without it still parses: the checker reports the missing
    // citation (R5002) rather than a syntax error that loses the rest of the rule.
    this.OPTION4(() => {
      this.CONSUME(K.Cites);
      this.CONSUME(NumberLiteral, { LABEL: "cites" });
      this.MANY(() => {
        this.CONSUME(Comma);
        this.CONSUME2(NumberLiteral, { LABEL: "cites" });
      });
    });
    this.OPTION2(() => this.SUBRULE(this.subject));
    this.MANY2(() => this.SUBRULE(this.letBinding));
    this.OPTION3(() => {
      this.CONSUME(K.Holder);
      this.SUBRULE(this.expr, { LABEL: "holder" });
    });
  });

  private modality = this.RULE("modality", () => {
    this.OR(
      this.alternatives.modality ??
        this.cache("modality", [
          {
            ALT: () => {
              this.CONSUME(K.Must, { LABEL: "value" });
              this.OPTION(() => this.CONSUME(K.Not, { LABEL: "not" }));
            },
          },
          ...this.oneOf(modalityTokens, "value"),
        ]),
    );
  });

  private subject = this.RULE("subject", () => {
    this.CONSUME(K.For);
    this.OR(
      this.alternatives.subject ??
        this.cache("subject", [
          {
            ALT: () => {
              this.CONSUME(K.Each);
              this.CONSUME(Identifier, { LABEL: "variable" });
              this.CONSUME(K.In);
              this.SUBRULE(this.expr, { LABEL: "source" });
              this.OPTION(() => {
                this.CONSUME(K.Where);
                this.SUBRULE2(this.expr, { LABEL: "filter" });
              });
            },
          },
          { ALT: () => this.CONSUME2(Identifier, { LABEL: "record" }) },
        ]),
    );
  });

  private letBinding = this.RULE("letBinding", () => {
    this.CONSUME(K.Let);
    this.CONSUME(Identifier, { LABEL: "name" });
    this.CONSUME(Equal);
    this.SUBRULE(this.expr, { LABEL: "value" });
  });

  private dutyRule = this.RULE("dutyRule", () => {
    this.CONSUME(K.Duty);
    this.SUBRULE(this.ruleHead);
    this.OR(
      this.alternatives.dutyBody ??
        this.cache("dutyBody", [
          {
            ALT: () => {
              this.CONSUME(K.Requires);
              this.SUBRULE(this.expr, { LABEL: "requirement" });
              this.OPTION(() => this.SUBRULE(this.deadline));
            },
          },
          {
            ALT: () => {
              this.CONSUME(K.Forbids);
              this.SUBRULE2(this.expr, { LABEL: "forbidden" });
            },
          },
        ]),
    );
  });

  private deadline = this.RULE("deadline", () => {
    this.OR(
      this.alternatives.deadline ??
        this.cache("deadline", [
          {
            ALT: () => {
              this.CONSUME(K.By);
              this.SUBRULE(this.expr, { LABEL: "date" });
            },
          },
          {
            ALT: () => {
              this.CONSUME(K.Within);
              this.SUBRULE2(this.expr, { LABEL: "duration" });
              this.CONSUME(K.Of);
              this.SUBRULE3(this.expr, { LABEL: "from" });
              this.MANY(() => this.SUBRULE(this.pause));
            },
          },
          {
            ALT: () => {
              this.SUBRULE(this.recurrence);
              this.CONSUME(K.From);
              this.SUBRULE4(this.expr, { LABEL: "from" });
              this.OPTION(() => {
                this.CONSUME(K.Until);
                this.SUBRULE5(this.expr, { LABEL: "until" });
              });
              this.OPTION2(() => this.SUBRULE(this.afterEnd));
            },
          },
        ]),
    );
  });

  /** `within 15 days after end` / `终了后 15 日 以内`. */
  private afterEnd = this.RULE("afterEnd", () => {
    this.OR(
      this.alternatives.afterEnd ??
        this.cache("afterEnd", [
          {
            ALT: () => {
              this.CONSUME(K.Within);
              this.SUBRULE(this.expr, { LABEL: "duration" });
              this.CONSUME(K.After);
              this.CONSUME(K.PeriodEnd);
            },
          },
          {
            ALT: () => {
              this.CONSUME2(K.PeriodEnd);
              this.SUBRULE2(this.expr, { LABEL: "duration" });
              this.CONSUME2(K.Within);
            },
          },
        ]),
    );
  });

  /** `excluding c.from to c.to for each c in r.consultations` / `不计 甲 至 乙 对于 每个 c 属于 …`. */
  private pause = this.RULE("pause", () => {
    this.CONSUME(K.Excluding);
    this.SUBRULE(this.expr, { LABEL: "from" });
    this.CONSUME(K.To);
    this.SUBRULE2(this.expr, { LABEL: "to" });
    this.OPTION(() => {
      this.CONSUME(K.For);
      this.CONSUME(K.Each);
      this.CONSUME(Identifier, { LABEL: "variable" });
      this.CONSUME(K.In);
      this.SUBRULE3(this.expr, { LABEL: "source" });
    });
  });

  private recurrence = this.RULE("recurrence", () => {
    this.OR(
      this.alternatives.recurrence ??
        this.cache("recurrence", [
          {
            ALT: () => {
              this.CONSUME(K.Every);
              this.OR2(
                this.alternatives.recurrenceUnit ??
                  this.cache("recurrenceUnit", [
                    {
                      ALT: () => {
                        this.CONSUME(K.Half, { LABEL: "half" });
                        this.CONSUME2(K.Year, { LABEL: "unit" });
                      },
                    },
                    ...this.oneOf(recurrenceUnitTokens, "unit"),
                  ]),
              );
            },
          },
          ...this.oneOf(everyTokens, "every"),
        ]),
    );
  });

  private escalationRule = this.RULE("escalationRule", () => {
    this.CONSUME(K.Escalation);
    this.SUBRULE(this.ruleHead);
    this.CONSUME(K.Starts);
    this.SUBRULE(this.expr, { LABEL: "start" });
    this.AT_LEAST_ONE(() => this.SUBRULE(this.level));
    this.OPTION(() => {
      this.CONSUME(K.Closes);
      this.SUBRULE2(this.expr, { LABEL: "closes" });
    });
    this.OPTION2(() => {
      this.CONSUME(K.Overdue);
      this.CONSUME(K.After);
      this.SUBRULE3(this.expr, { LABEL: "overdueAfter" });
    });
  });

  private level = this.RULE("level", () => {
    this.CONSUME(K.Level);
    this.CONSUME(Identifier, { LABEL: "name" });
    this.OPTION(() => this.CONSUME(StringLiteral, { LABEL: "label" }));
    this.OPTION2(() => {
      this.OR(
        this.alternatives.levelTrigger ??
          this.cache("levelTrigger", [
            {
              ALT: () => {
                this.CONSUME(K.After);
                this.SUBRULE(this.expr, { LABEL: "after" });
              },
            },
            {
              ALT: () => {
                this.CONSUME(K.When);
                this.SUBRULE2(this.expr, { LABEL: "when" });
              },
            },
          ]),
      );
    });
    this.OPTION3(() => {
      this.CONSUME(K.Holder);
      this.SUBRULE3(this.expr, { LABEL: "holder" });
    });
  });

  private accountabilityRule = this.RULE("accountabilityRule", () => {
    this.CONSUME(K.Accountability);
    this.SUBRULE(this.ruleHead);
    this.OR(
      this.alternatives.asAt ??
        this.cache("asAt", [
          {
            ALT: () => {
              this.CONSUME(K.As);
              this.CONSUME(K.At);
            },
          },
          { ALT: () => this.CONSUME(K.AsAt) },
        ]),
    );
    this.SUBRULE(this.expr, { LABEL: "asAt" });
    this.MANY(() => this.SUBRULE(this.cause));
    this.OPTION(() => {
      this.CONSUME(K.Targets);
      this.SUBRULE2(this.expr, { LABEL: "targets" });
      this.MANY2(() => {
        this.CONSUME(Comma);
        this.SUBRULE3(this.expr, { LABEL: "targets" });
      });
    });
  });

  private cause = this.RULE("cause", () => {
    this.CONSUME(K.Cause);
    this.CONSUME(StringLiteral, { LABEL: "label" });
    this.CONSUME(K.When);
    this.SUBRULE(this.expr, { LABEL: "condition" });
    // Greedy: the builder hands a last cause's list back to the rule when no rule-level list follows.
    this.OPTION(() => {
      this.CONSUME(K.Targets);
      this.SUBRULE2(this.expr, { LABEL: "targets" });
      this.MANY(() => {
        this.CONSUME(Comma);
        this.SUBRULE3(this.expr, { LABEL: "targets" });
      });
    });
  });

  // -------------------------------------------------------------------------------------------
  // Expressions, loosest first

  public expr = this.RULE("expr", () => {
    this.OR(
      this.alternatives.expr ??
        this.cache("expr", [
          {
            ALT: () => {
              this.CONSUME(K.If);
              this.SUBRULE(this.expr, { LABEL: "condition" });
              this.CONSUME(K.Then);
              this.SUBRULE2(this.expr, { LABEL: "then" });
              this.CONSUME(K.Else);
              this.SUBRULE3(this.expr, { LABEL: "else" });
            },
          },
          { ALT: () => this.SUBRULE(this.orExpr, { LABEL: "body" }) },
        ]),
    );
  });

  private orExpr = this.RULE("orExpr", () => {
    this.SUBRULE(this.andExpr, { LABEL: "operand" });
    this.MANY(() => {
      this.CONSUME(K.Or, { LABEL: "op" });
      this.SUBRULE2(this.andExpr, { LABEL: "operand" });
    });
  });

  private andExpr = this.RULE("andExpr", () => {
    this.SUBRULE(this.notExpr, { LABEL: "operand" });
    this.MANY(() => {
      this.CONSUME(K.And, { LABEL: "op" });
      this.SUBRULE2(this.notExpr, { LABEL: "operand" });
    });
  });

  private notExpr = this.RULE("notExpr", () => {
    this.OR(
      this.alternatives.notExpr ??
        this.cache("notExpr", [
          {
            ALT: () => {
              this.CONSUME(K.Not, { LABEL: "op" });
              this.SUBRULE(this.notExpr, { LABEL: "operand" });
            },
          },
          { ALT: () => this.SUBRULE(this.compare, { LABEL: "body" }) },
        ]),
    );
  });

  private compare = this.RULE("compare", () => {
    this.SUBRULE(this.additive, { LABEL: "operand" });
    this.OPTION(() => {
      this.OR(
        this.alternatives.comparison ??
          this.cache(
            "comparison",
            this.oneOf([Equal, NotEqual, LessEqual, GreaterEqual, Less, Greater, K.In], "op"),
          ),
      );
      this.SUBRULE2(this.additive, { LABEL: "operand" });
    });
    this.OPTION2(() => {
      this.OR2(
        this.alternatives.isSet ??
          this.cache("isSet", [
            {
              ALT: () => {
                this.CONSUME(K.Is);
                this.OR3(
                  this.alternatives.isSetWord ??
                    this.cache("isSetWord", [
                      { ALT: () => this.CONSUME(K.Set, { LABEL: "isSet" }) },
                      { ALT: () => this.CONSUME(K.Missing, { LABEL: "isMissing" }) },
                    ]),
                );
              },
            },
            { ALT: () => this.CONSUME(K.IsSet, { LABEL: "isSet" }) },
            { ALT: () => this.CONSUME(K.IsMissing, { LABEL: "isMissing" }) },
          ]),
      );
    });
  });

  private additive = this.RULE("additive", () => {
    this.SUBRULE(this.multiplicative, { LABEL: "operand" });
    this.MANY(() => {
      this.OR(
        this.alternatives.additiveOperator ??
          this.cache("additiveOperator", [
            { ALT: () => this.CONSUME(Plus, { LABEL: "op" }) },
            { ALT: () => this.CONSUME(Minus, { LABEL: "op" }) },
          ]),
      );
      this.SUBRULE2(this.multiplicative, { LABEL: "operand" });
    });
  });

  private multiplicative = this.RULE("multiplicative", () => {
    this.SUBRULE(this.unary, { LABEL: "operand" });
    this.MANY(() => {
      this.OR(
        this.alternatives.multiplicativeOperator ??
          this.cache("multiplicativeOperator", [
            { ALT: () => this.CONSUME(Star, { LABEL: "op" }) },
            { ALT: () => this.CONSUME(Slash, { LABEL: "op" }) },
          ]),
      );
      this.SUBRULE2(this.unary, { LABEL: "operand" });
    });
  });

  private unary = this.RULE("unary", () => {
    this.OR(
      this.alternatives.unary ??
        this.cache("unary", [
          {
            ALT: () => {
              this.CONSUME(Minus, { LABEL: "op" });
              this.SUBRULE(this.unary, { LABEL: "operand" });
            },
          },
          { ALT: () => this.SUBRULE(this.postfix, { LABEL: "body" }) },
        ]),
    );
  });

  private postfix = this.RULE("postfix", () => {
    this.SUBRULE(this.primary);
    this.MANY(() => this.SUBRULE(this.member));
  });

  private member = this.RULE("member", () => {
    this.CONSUME(Dot);
    this.SUBRULE(this.name, { LABEL: "name" });
    this.OPTION(() => this.SUBRULE(this.callArgs));
  });

  private callArgs = this.RULE("callArgs", () => {
    this.CONSUME(LParen);
    this.OPTION(() => {
      this.SUBRULE(this.expr, { LABEL: "arg" });
      this.MANY(() => {
        this.CONSUME(Comma);
        this.SUBRULE2(this.expr, { LABEL: "arg" });
      });
    });
    this.CONSUME(RParen);
  });

  private primary = this.RULE("primary", () => {
    this.OR(
      this.alternatives.primary ??
        this.cache("primary", [
          {
            ALT: () => {
              this.CONSUME(NumberLiteral, { LABEL: "number" });
              this.OPTION(() => this.SUBRULE(this.durationUnit, { LABEL: "unit" }));
            },
          },
          { ALT: () => this.CONSUME(StringLiteral, { LABEL: "string" }) },
          { ALT: () => this.CONSUME(DateLiteral, { LABEL: "date" }) },
          { ALT: () => this.CONSUME(K.True, { LABEL: "true" }) },
          { ALT: () => this.CONSUME(K.False, { LABEL: "false" }) },
          { ALT: () => this.CONSUME(K.None, { LABEL: "none" }) },
          {
            ALT: () => {
              this.CONSUME(LBracket, { LABEL: "list" });
              this.MANY_SEP({ SEP: Comma, DEF: () => this.listElement() });
              this.CONSUME(RBracket);
            },
          },
          { ALT: () => this.SUBRULE(this.aggregate) },
          {
            ALT: () => {
              this.CONSUME(Identifier, { LABEL: "name" });
              this.OPTION3(() => this.SUBRULE(this.callArgs));
            },
          },
          {
            // Built-in functions spelt like keywords: `text(x)`, `year(d)`, `month(d)`.
            ALT: () => {
              this.OR2(
                this.alternatives.keywordCall ??
                  this.cache("keywordCall", [
                    { ALT: () => this.CONSUME(K.TextType, { LABEL: "builtin" }) },
                    { ALT: () => this.CONSUME(K.Year, { LABEL: "builtin" }) },
                    { ALT: () => this.CONSUME(K.Month, { LABEL: "builtin" }) },
                    { ALT: () => this.CONSUME(K.Quarter, { LABEL: "builtin" }) },
                    { ALT: () => this.CONSUME(K.Week, { LABEL: "builtin" }) },
                    { ALT: () => this.CONSUME(K.Day, { LABEL: "builtin" }) },
                  ]),
              );
              this.SUBRULE2(this.callArgs);
            },
          },
          {
            ALT: () => {
              this.CONSUME(LParen, { LABEL: "paren" });
              this.SUBRULE3(this.expr, { LABEL: "inner" });
              this.CONSUME(RParen);
            },
          },
        ]),
    );
  });

  /**
   * One element of a list literal. A lone literal (`1`, `"一般"`, a date, `true`, `none`) followed by
   * `,` or `]` is taken as a token of the list itself, under `literal`: through `expr` it would
   * build a chain of ten tree nodes (4–5 KB each element; a million-element list took gigabytes).
   * Anything else is an `element` expression. The builder puts both back in source order.
   */
  private listElement(): void {
    this.OR5(
      this.alternatives.listElement ??
        this.cache("listElement", [
          {
            GATE: () => literalTokens.has(this.LA(1).tokenType) && listEnd.has(this.LA(2).tokenType),
            IGNORE_AMBIGUITIES: true,
            ALT: () =>
              this.OR6(
                this.alternatives.literal ??
                  // CONSUME2: the primary rule consumes these tokens once already.
                  this.cache(
                    "literal",
                    [...literalTokens].map((type) => ({
                      ALT: () => this.CONSUME2(type, { LABEL: "literal" }),
                    })),
                  ),
              ),
          },
          { ALT: () => this.SUBRULE4(this.expr, { LABEL: "element" }) },
        ]),
    );
  }

  private durationUnit = this.RULE("durationUnit", () => {
    this.OR(
      this.alternatives.durationUnit ??
        this.cache("durationUnit", [
          ...this.oneOf(durationUnitTokens, "unit"),
          {
            // English `working day(s)`: two words, the second the `day` unit.
            ALT: () => {
              this.CONSUME(K.Working, { LABEL: "working" });
              this.CONSUME2(K.Day, { LABEL: "unit" });
            },
          },
        ]),
    );
  });

  private aggregate = this.RULE("aggregate", () => {
    this.OR(this.alternatives.aggregate ?? this.cache("aggregate", this.oneOf(aggregateTokens, "op")));
    this.CONSUME(LParen);
    this.CONSUME(Identifier, { LABEL: "variable" });
    this.CONSUME(K.In);
    this.SUBRULE(this.expr, { LABEL: "source" });
    this.OPTION(() => {
      this.CONSUME(K.Where);
      this.SUBRULE2(this.expr, { LABEL: "filter" });
    });
    this.OPTION2(() => {
      this.CONSUME(Colon);
      this.SUBRULE3(this.expr, { LABEL: "value" });
    });
    this.CONSUME(RParen);
  });
}
