/**
 * Expression typing: literals, names, members, calls of definitions and built-ins, operators and
 * aggregates, with the expectations rules place on them. It completes the checker: declarations
 * and parameters below call back into it for the expressions they hold.
 */

import {
  asOfNames,
  type CallableFunction,
  declarationOf,
  displayedParameterType,
  periodMembers,
  periodNames,
} from "../builtins/index.js";
import * as codes from "../diagnostics/check-codes.js";
import { suggest } from "../diagnostics/suggest.js";
import type {
  AggregateExpr,
  BinaryExpr,
  CallExpr,
  DurationLiteral,
  Expr,
  Identifier,
  MemberExpr,
  NameExpr,
  Span,
} from "../syntax/ast.js";
import { durationUnitKeywords } from "../syntax/keywords.js";
import type { CollectionInfo, FieldInfo, Type } from "./model.js";
import { ParameterChecker } from "./parameters.js";
import { type Declared, type ModuleScope, qualifiedText } from "./scope.js";
import { type Context, typeArgs, unwrapParens, type What, whatArgs } from "./state.js";
import {
  assignable,
  boolType,
  type DurationMeasure,
  dateType,
  displayType,
  durationType,
  elementOf,
  entityType,
  errorType,
  isEventDate,
  isOptional,
  isTextLike,
  listType,
  measureOf,
  measuresCompatible,
  noneType,
  numberType,
  optionalIfAny,
  optionalType,
  periodType,
  stripOptional,
  textType,
  unify,
  unitMeasure,
  unitsCompatible,
} from "./types.js";

/** The whole checker: declarations and parameters, completed by expression typing. */
export class Checker extends ParameterChecker {
  silent(type: Type): boolean {
    return type.kind === "error" || type.kind === "none";
  }

  expectBool(type: Type, span: Span, what: What): void {
    if (type.kind === "error") this.unknownUsedAs(span, "bool");
    const base = stripOptional(type);
    if (base.kind !== "bool" && !this.silent(base)) {
      this.report(codes.conditionNotBool, span, { ...whatArgs(what), ...typeArgs("found", type) });
    }
  }

  expectText(expr: Expr, context: Context, what: What): void {
    const type = this.expr(expr, context);
    if (!isTextLike(type) && !this.silent(stripOptional(type))) {
      this.report(codes.holderNotText, expr.span, { ...whatArgs(what), ...typeArgs("found", type) });
    }
  }

  expectDate(expr: Expr, context: Context, what: What): void {
    this.expectKind(this.expr(expr, context), "date", expr.span, what);
  }

  expectKind(type: Type, kind: "date" | "duration", span: Span, what: What): void {
    if (type.kind === "error") this.unknownUsedAs(span, kind);
    const base = stripOptional(type);
    if (base.kind !== kind && !this.silent(base)) {
      const expected = kind === "date" ? dateType() : durationType(undefined);
      this.report(codes.typeMismatch, span, {
        ...whatArgs(what),
        ...typeArgs("expected", expected),
        ...typeArgs("found", type),
      });
    }
  }

  /** A string literal where an enum is expected must be one of its values. */
  checkEnumValues(expected: Type, expr: Expr): void {
    const target = stripOptional(expected);
    const inner = unwrapParens(expr);
    if (target.kind === "enum" && inner.kind === "StringLiteral" && !target.values.includes(inner.value)) {
      this.report(codes.notAnEnumValue, inner.span, {
        value: inner.value,
        values: displayType(target, "en"),
      });
    }
    if (target.kind === "list" && inner.kind === "ListLiteral") {
      for (const element of inner.elements) this.checkEnumValues(target.element, element);
    }
  }

  expr(expr: Expr, context: Context): Type {
    const type = this.exprUncached(expr, context);
    this.types.set(expr, type);
    return type;
  }

  exprUncached(expr: Expr, context: Context): Type {
    switch (expr.kind) {
      case "NumberLiteral":
        return numberType(!expr.raw.includes("."), undefined);
      case "StringLiteral":
        return textType;
      case "BoolLiteral":
        return boolType;
      case "DateLiteral":
        return dateType(true);
      case "DurationLiteral":
        // `1.5 days` would give dates like 2026-11-21.5, `0.5 months` nothing at all.
        if (!Number.isInteger(expr.amount)) {
          const unit = durationUnitKeywords[expr.unit];
          this.report(codes.nonIntegerDuration, expr.span, {
            amount: String(expr.amount),
            unit: unit.en[1] ?? expr.unit,
            unitZh: unit.zh[0] ?? expr.unit,
          });
        }
        return this.durationLiteral(expr);
      case "NoneLiteral":
        return noneType;
      case "ParenExpr":
        return this.expr(expr.inner, context);
      case "ListLiteral": {
        let element: Type = noneType;
        let mixed = false;
        for (const item of expr.elements) {
          const type = this.expr(item, context);
          const unified = unify(element, type);
          if (unified === undefined) {
            if (!mixed) {
              this.report(codes.typeMismatch, item.span, {
                what: "a list element",
                whatZh: "列表元素",
                ...typeArgs("expected", element),
                ...typeArgs("found", type),
              });
            }
            mixed = true;
          } else {
            element = unified;
          }
        }
        return listType(mixed ? errorType : element);
      }
      case "NameExpr":
        return this.name(expr, context);
      case "MemberExpr":
        return this.member(expr, context);
      case "CallExpr":
        return this.call(expr, context);
      case "UnaryExpr": {
        const operand = this.expr(expr.operand, context);
        const base = stripOptional(operand);
        if (expr.operator === "not") {
          this.expectBool(operand, expr.operand.span, ["the operand of 'not'", "“非”的操作数"]);
          return optionalIfAny(boolType, operand);
        }
        if (base.kind === "number" || base.kind === "duration" || this.silent(base)) return operand;
        this.report(codes.typeMismatch, expr.operand.span, {
          what: "the operand of '-'",
          whatZh: "“-”的操作数",
          expected: "a number or a duration",
          expectedZh: "数或时长",
          ...typeArgs("found", operand),
        });
        return errorType;
      }
      case "BinaryExpr":
        return this.binary(expr, context);
      case "IsSetExpr":
        this.expr(expr.operand, context);
        return boolType;
      case "IfExpr": {
        this.expectBool(this.expr(expr.condition, context), expr.condition.span, [
          "the condition of 'if'",
          "“如果”的条件",
        ]);
        const whenTrue = this.expr(expr.then, context);
        const whenFalse = this.expr(expr.else, context);
        const unified = unify(whenTrue, whenFalse);
        if (unified === undefined) {
          this.report(codes.ifBranchMismatch, expr.else.span, {
            ...typeArgs("then", whenTrue),
            ...typeArgs("else", whenFalse),
          });
          return errorType;
        }
        return unified;
      }
      case "AggregateExpr":
        return this.aggregate(expr, context);
    }
  }

  bind(context: Context, variable: Identifier, type: Type): Context {
    const slot = context.frame.size++;
    this.slots.set(variable, slot);
    const locals = new Map(context.locals);
    locals.set(variable.name, { slot, type });
    return { ...context, locals };
  }

  /** A duration literal's type; working days need the calendar the policy header names. */
  durationLiteral(expr: DurationLiteral): Type {
    const { measure } = unitMeasure(expr.unit);
    if (measure === "working" && this.loaded.modules[0]?.header?.calendar === undefined) {
      this.report(codes.workingDaysWithoutCalendar, expr.span, {});
    }
    return durationType(measure);
  }

  /** Whether two durations' measures combine under `operator`; reports them when they do not. */
  checkMeasures(
    a: DurationMeasure | undefined,
    b: DurationMeasure | undefined,
    span: Span,
    operator: string,
  ): boolean {
    if (measuresCompatible(a, b)) return true;
    const definition =
      a === "working" || b === "working" ? codes.workingDaysMixed : codes.durationMeasureMismatch;
    this.report(definition, span, { operator });
    return false;
  }

  aggregate(expr: AggregateExpr, context: Context): Type {
    const sourceType = this.expr(expr.source, context);
    let element = elementOf(sourceType);
    if (element === undefined) {
      if (!this.silent(stripOptional(sourceType))) {
        this.report(codes.aggregateOverNonList, expr.source.span, {
          operator: expr.operator,
          ...typeArgs("found", sourceType),
        });
      }
      element = errorType;
    }
    const inner = this.bind(context, expr.variable, stripOptional(element));
    if (expr.filter !== undefined) {
      this.expectBool(this.expr(expr.filter, inner), expr.filter.span, [
        "an aggregate's 'where' filter",
        "聚合的“满足”条件",
      ]);
    }
    const value = expr.value === undefined ? undefined : this.expr(expr.value, inner);
    const valueSpan = expr.value?.span ?? expr.variable.span;
    switch (expr.operator) {
      case "count":
        return numberType(true, undefined);
      case "any":
      case "all":
        if (value !== undefined) {
          this.expectBool(value, valueSpan, [
            `the condition of '${expr.operator}'`,
            `“${expr.operator === "all" ? "全部" : "存在"}”的条件`,
          ]);
        } else if (expr.operator === "all") {
          this.report(codes.allWithoutCondition, expr.span, { operator: expr.operator });
        }
        return boolType;
      case "sum": {
        const summed = stripOptional(value ?? element);
        if (summed.kind === "number" || summed.kind === "duration" || this.silent(summed)) return summed;
        this.report(codes.typeMismatch, valueSpan, {
          what: "the value of 'sum'",
          whatZh: "“求和”的值",
          expected: "a number or a duration",
          expectedZh: "数或时长",
          ...typeArgs("found", value ?? element),
        });
        return errorType;
      }
      case "min":
      case "max": {
        const compared = stripOptional(value ?? element);
        if (compared.kind === "number" || compared.kind === "duration" || compared.kind === "date") {
          return optionalType(compared);
        }
        if (this.silent(compared)) return compared;
        this.report(codes.typeMismatch, valueSpan, {
          what: `the value of '${expr.operator}'`,
          whatZh: `“${expr.operator === "min" ? "最小" : "最大"}”的值`,
          expected: "a number, a date or a duration",
          expectedZh: "数、日期或时长",
          ...typeArgs("found", value ?? element),
        });
        return errorType;
      }
      case "latest":
      case "earliest": {
        const compared = stripOptional(value ?? element);
        if (compared.kind === "date") return optionalType(compared);
        if (this.silent(compared)) return compared;
        this.report(codes.typeMismatch, valueSpan, {
          what: `the value of '${expr.operator}'`,
          whatZh: `“${expr.operator === "latest" ? "最近" : "最早"}”的值`,
          ...typeArgs("expected", dateType()),
          ...typeArgs("found", value ?? element),
        });
        return errorType;
      }
    }
  }

  /** Names a user could have meant at this point, for "did you mean". */
  namesInScope(context: Context): string[] {
    const names = [...context.locals.keys(), ...context.scope.declared.keys(), ...asOfNames];
    if (context.periodAllowed) names.push(...periodNames);
    return names;
  }

  name(expr: NameExpr, context: Context): Type {
    const name = expr.name.name;
    const local = context.locals.get(name);
    if (local !== undefined) {
      this.resolutions.set(expr, { kind: "local", slot: local.slot });
      return local.type;
    }
    const declared = context.scope.declared.get(name);
    if (declared !== undefined) return this.declaredValue(expr, declared, context.scope, context);
    if (asOfNames.has(name)) {
      this.resolutions.set(expr, { kind: "asOf" });
      return dateType(true);
    }
    if (periodNames.has(name)) {
      if (!context.periodAllowed) {
        this.report(codes.periodOutsideRecurring, expr.span, { name });
        return errorType;
      }
      this.resolutions.set(expr, { kind: "period" });
      return periodType;
    }
    if (context.scope.aliases.has(name)) {
      this.report(codes.moduleAsValue, expr.span, { name });
      return errorType;
    }
    this.reportUnknown(
      codes.unknownName,
      expr.span,
      codes.unknownNameArgs(name, "unknown"),
      suggest(name, this.namesInScope(context)),
    );
    return errorType;
  }

  /** A top-level declaration used as a value, from `scope` (the module that declares it). */
  declaredValue(expr: NameExpr | MemberExpr, declared: Declared, scope: ModuleScope, context: Context): Type {
    switch (declared.kind) {
      case "param":
        this.usedParams.add(declared.key);
        this.resolutions.set(expr, { kind: "param", key: declared.key });
        return this.paramType(declared.key, declared.decl, scope);
      case "collection":
        this.resolutions.set(expr, { kind: "collection", name: declared.key });
        return listType(entityType(declared.key));
      case "record": {
        this.resolutions.set(expr, { kind: "record", name: declared.key });
        return { kind: "record", fields: this.recordInfo(declared.key, scope, declared.decl).fields };
      }
      case "define": {
        if (declared.decl.params.length > 0) {
          this.report(codes.definitionNeedsArguments, expr.span, { name: declared.key });
          return errorType;
        }
        this.resolutions.set(expr, { kind: "define", key: declared.key });
        this.noteUse(context, declared.key, expr.span);
        return this.defineType(declared.key, declared.decl, scope);
      }
      case "type":
        this.report(codes.unknownName, expr.span, codes.unknownNameArgs(declared.key, "unknown"));
        return errorType;
    }
  }

  /** The module an expression names when it is an alias path (`gbt`, `gbt.sub`), if any. */
  moduleOf(expr: Expr, context: Context): ModuleScope | "broken" | undefined {
    if (expr.kind === "NameExpr") {
      const name = expr.name.name;
      if (context.locals.has(name) || context.scope.declared.has(name) || !context.scope.aliases.has(name)) {
        return undefined;
      }
      return context.scope.aliases.get(name) ?? "broken";
    }
    if (expr.kind === "MemberExpr") {
      const outer = this.moduleOf(expr.object, context);
      if (outer === undefined || outer === "broken") return outer;
      if (outer.declared.has(expr.property.name) || !outer.aliases.has(expr.property.name)) return undefined;
      return outer.aliases.get(expr.property.name) ?? "broken";
    }
    return undefined;
  }

  member(expr: MemberExpr, context: Context): Type {
    const property = expr.property.name;
    const module = this.moduleOf(expr.object, context);
    if (module === "broken") return errorType;
    if (module !== undefined) {
      const declared = module.declared.get(property);
      if (declared !== undefined) return this.declaredValue(expr, declared, module, context);
      if (module.aliases.has(property)) {
        this.report(codes.moduleAsValue, expr.span, { name: property });
        return errorType;
      }
      this.reportUnknown(
        codes.unknownName,
        expr.property.span,
        codes.unknownNameArgs(property, "unknown"),
        suggest(property, module.declared.keys()),
      );
      return errorType;
    }

    const objectType = this.expr(expr.object, context);
    const object = stripOptional(objectType);
    if (this.silent(object)) return errorType;
    if (object.kind === "period") {
      const member = periodMembers.get(property);
      if (member !== undefined) {
        this.resolutions.set(expr, { kind: "periodMember", member });
        return dateType(true);
      }
      this.report(
        codes.unknownField,
        expr.property.span,
        { name: property, ...typeArgs("type", object) },
        suggest(property, periodMembers.keys()),
      );
      return errorType;
    }
    const overList = object.kind === "list";
    const target = overList && object.kind === "list" ? stripOptional(object.element) : object;
    if (this.silent(target)) return errorType;
    const found = this.memberOf(target, expr, overList);
    if (found === undefined) return errorType;
    if (overList) {
      const resultElement = elementOf(found) ?? stripOptional(found);
      return listType(stripOptional(resultElement));
    }
    return isOptional(objectType) ? optionalType(found) : found;
  }

  /** A field, reference or inverse of an entity or a record; reports and returns undefined if none. */
  memberOf(target: Type, expr: MemberExpr, overList: boolean): Type | undefined {
    const property = expr.property.name;
    let fields: readonly FieldInfo[] = [];
    let collection: CollectionInfo | undefined;
    if (target.kind === "entity") {
      collection = this.collections.get(target.collection);
      if (collection === undefined) return undefined;
      fields = collection.fields;
    } else if (target.kind === "record") {
      fields = target.fields;
    } else {
      this.report(codes.unknownField, expr.property.span, { name: property, ...typeArgs("type", target) });
      return undefined;
    }
    const field = fields.find((f) => f.name === property);
    if (field !== undefined) {
      this.resolutions.set(expr, {
        kind: "field",
        name: property,
        overList,
        masked: isEventDate(field.type),
      });
      return field.type;
    }
    const reference = fields.find((f) => f.reference?.as === property);
    if (reference?.reference !== undefined) {
      const { target: targetCollection, optional } = reference.reference;
      this.resolutions.set(expr, {
        kind: "reference",
        field: reference.name,
        target: targetCollection,
        overList,
      });
      if (targetCollection === "") return errorType;
      const entity = entityType(targetCollection);
      return optional ? optionalType(entity) : entity;
    }
    if (collection !== undefined) {
      const inverse = collection.inverses.find((i) => i.name === property);
      if (inverse !== undefined) {
        this.resolutions.set(expr, {
          kind: "inverse",
          source: inverse.source,
          field: inverse.field,
          overList,
        });
        return listType(entityType(inverse.source));
      }
      const ambiguous = this.ambiguousInverses.get(collection.name)?.get(property);
      if (ambiguous !== undefined) {
        this.report(codes.ambiguousInverse, expr.property.span, {
          name: property,
          target: collection.name,
          fields: ambiguous.map((f) => `'${f}'`).join(", "),
        });
        return undefined;
      }
    }
    const candidates = [
      ...fields.map((f) => f.name),
      ...fields.flatMap((f) => (f.reference === undefined ? [] : [f.reference.as])),
      ...(collection?.inverses.map((i) => i.name) ?? []),
    ];
    this.report(
      codes.unknownField,
      expr.property.span,
      { name: property, ...typeArgs("type", target) },
      suggest(property, candidates),
    );
    return undefined;
  }

  private call(expr: CallExpr, context: Context): Type {
    const parts = expr.callee.parts;
    const text = qualifiedText(expr.callee);
    const first = parts[0];
    const argTypes = () => expr.args.map((arg) => this.expr(arg, context));
    if (parts.length === 1 && first !== undefined && context.locals.has(first.name)) {
      this.report(codes.notCallable, expr.callee.span, { name: text });
      argTypes();
      return errorType;
    }
    const found = this.lookupQualified(expr.callee, context.scope);
    if (found === "broken") {
      argTypes();
      return errorType;
    }
    if (found !== undefined) {
      if (found.kind !== "define") {
        this.report(codes.notCallable, expr.callee.span, { name: text });
        argTypes();
        return errorType;
      }
      const owner = this.ownerScope(expr.callee, context.scope);
      this.resolutions.set(expr, { kind: "define", key: found.key });
      this.noteUse(context, found.key, expr.span);
      const params = found.decl.params;
      const types = argTypes();
      if (types.length !== params.length) {
        this.report(codes.wrongArgumentCount, expr.span, {
          name: text,
          expected: String(params.length),
          found: String(types.length),
        });
      }
      params.forEach((param, index) => {
        const argType = types[index];
        const arg = expr.args[index];
        if (argType === undefined || arg === undefined) return;
        const expected = this.typeExpr(param.type, owner);
        if (!assignable(expected, argType)) {
          this.report(codes.argumentMismatch, arg.span, {
            name: text,
            position: String(index + 1),
            ...typeArgs("expected", expected),
            ...typeArgs("found", argType),
          });
        } else {
          this.checkEnumValues(expected, arg);
        }
      });
      return this.defineType(found.key, found.decl, owner);
    }
    const callable = parts.length === 1 && first !== undefined ? this.functions.get(first.name) : undefined;
    if (callable !== undefined) {
      this.resolutions.set(
        expr,
        callable.kind === "builtin"
          ? { kind: "builtin", name: callable.name }
          : { kind: "host", function: callable.function },
      );
      return this.builtinCall(callable, expr, text, argTypes());
    }
    const defines = [...context.scope.declared.values()]
      .filter((d) => d.kind === "define")
      .map((d) => d.decl.name.name);
    this.reportUnknown(
      codes.unknownFunction,
      expr.callee.span,
      { name: text },
      suggest(text, [...defines, ...this.functions.keys()]),
    );
    argTypes();
    return errorType;
  }

  /** A call of a built-in or host function, checked against its signature in the registry. */
  private builtinCall(callable: CallableFunction, expr: CallExpr, text: string, args: Type[]): Type {
    const declaration = declarationOf(callable);
    if (declaration.needsCalendar === true && this.loaded.modules[0]?.header?.calendar === undefined) {
      this.report(codes.workingDaysWithoutCalendar, expr.span, {});
    }
    const { parameters, result, propagatesNone } = declaration.signature;
    if (args.length !== parameters.length) {
      this.report(codes.wrongArgumentCount, expr.span, {
        name: text,
        expected: String(parameters.length),
        found: String(args.length),
      });
      return errorType;
    }
    parameters.forEach((parameter, index) => {
      const type = args[index];
      const arg = expr.args[index];
      if (type === undefined || arg === undefined || parameter === "any") return;
      const base = stripOptional(type);
      const accepted = parameter === "list" ? base.kind === "list" : assignable(parameter, base);
      if (!accepted && !this.silent(base)) {
        this.report(codes.argumentMismatch, arg.span, {
          name: text,
          position: String(index + 1),
          ...typeArgs("expected", displayedParameterType(parameter)),
          ...typeArgs("found", type),
        });
      }
    });
    return propagatesNone ? optionalIfAny(result, ...args) : result;
  }

  binary(expr: BinaryExpr, context: Context): Type {
    const leftType = this.expr(expr.left, context);
    const rightType = this.expr(expr.right, context);
    const left = stripOptional(leftType);
    const right = stripOptional(rightType);
    const operator = expr.operator;
    const mismatch = (): Type => {
      this.report(codes.operatorMismatch, expr.span, {
        operator,
        ...typeArgs("left", leftType),
        ...typeArgs("right", rightType),
      });
      return errorType;
    };
    const silent = this.silent(left) || this.silent(right);

    switch (operator) {
      case "and":
      case "or":
        this.expectBool(leftType, expr.left.span, [
          `the operand of '${operator}'`,
          `“${operator === "and" ? "且" : "或"}”的操作数`,
        ]);
        this.expectBool(rightType, expr.right.span, [
          `the operand of '${operator}'`,
          `“${operator === "and" ? "且" : "或"}”的操作数`,
        ]);
        return boolType;
      case "+":
      case "-":
      case "*":
      case "/": {
        if (silent)
          return left.kind === "none" || right.kind === "none"
            ? optionalIfAny(errorType, noneType)
            : errorType;
        const result = this.arithmetic(expr, left, right);
        return result === undefined ? errorType : optionalIfAny(result, leftType, rightType);
      }
      case "=":
      case "!=":
      case "<":
      case "<=":
      case ">":
      case ">=": {
        if (silent) return boolType;
        const ordered = operator !== "=" && operator !== "!=";
        if (!this.comparable(expr, left, right, ordered)) mismatch();
        return boolType;
      }
      case "in": {
        if (silent) return boolType;
        if (right.kind === "period") {
          if (left.kind !== "date") mismatch();
          return boolType;
        }
        const element = right.kind === "list" ? stripOptional(right.element) : undefined;
        if (element === undefined) return mismatch();
        if (element.kind === "none" || element.kind === "error") return boolType;
        if (!this.comparable(expr, left, element, false)) mismatch();
        else {
          this.checkEnumValues(listType(left), expr.right);
          this.checkEnumValues(element, expr.left);
        }
        return boolType;
      }
    }
  }

  /** Whether two (non-optional) types compare; reports unit and measure problems itself. */
  comparable(expr: BinaryExpr, left: Type, right: Type, ordered: boolean): boolean {
    if (left.kind === "number" && right.kind === "number") {
      if (!unitsCompatible(left.unit, right.unit)) {
        this.report(codes.unitMismatch, expr.span, {
          operator: expr.operator,
          left: left.unit ?? "",
          right: right.unit ?? "",
        });
      }
      return true;
    }
    if (left.kind === "duration" && right.kind === "duration") {
      this.checkMeasures(measureOf(left), measureOf(right), expr.span, expr.operator);
      return true;
    }
    if (left.kind === "date" && right.kind === "date") return true;
    if (ordered) return false;
    const textual = (t: Type) => t.kind === "text" || t.kind === "enum";
    if (textual(left) && textual(right)) {
      this.checkEnumValues(left, expr.right);
      this.checkEnumValues(right, expr.left);
      if (
        left.kind === "enum" &&
        right.kind === "enum" &&
        !left.values.some((v) => right.values.includes(v))
      ) {
        return false;
      }
      return true;
    }
    if (left.kind === "entity" && right.kind === "entity") return left.collection === right.collection;
    return left.kind === right.kind && (left.kind === "bool" || left.kind === "period");
  }

  arithmetic(expr: BinaryExpr, left: Type, right: Type): Type | undefined {
    const operator = expr.operator;
    const mismatch = (): undefined => {
      this.report(codes.operatorMismatch, expr.span, {
        operator,
        ...typeArgs("left", left),
        ...typeArgs("right", right),
      });
      return undefined;
    };
    if (left.kind === "number" && right.kind === "number") {
      if (operator === "+" || operator === "-") {
        if (!unitsCompatible(left.unit, right.unit)) {
          this.report(codes.unitMismatch, expr.span, {
            operator,
            left: left.unit ?? "",
            right: right.unit ?? "",
          });
          return undefined;
        }
        return numberType(left.integer && right.integer, left.unit ?? right.unit);
      }
      if (operator === "*") {
        const unit =
          left.unit === undefined
            ? right.unit
            : right.unit === undefined
              ? left.unit
              : `${left.unit}*${right.unit}`;
        return numberType(left.integer && right.integer, unit);
      }
      const unit =
        left.unit === right.unit
          ? undefined
          : right.unit === undefined
            ? left.unit
            : `${left.unit ?? "1"}/${right.unit}`;
      return numberType(false, unit);
    }
    if (left.kind === "date" && right.kind === "duration" && (operator === "+" || operator === "-")) {
      return dateType(left.planned);
    }
    if (left.kind === "duration" && right.kind === "date" && operator === "+") return dateType(right.planned);
    if (left.kind === "date" && right.kind === "date" && operator === "-") {
      this.report(codes.dateMinusDate, expr.span, {});
      return undefined;
    }
    if (left.kind === "duration" && right.kind === "duration" && (operator === "+" || operator === "-")) {
      const [a, b] = [measureOf(left), measureOf(right)];
      if (!this.checkMeasures(a, b, expr.span, operator)) return undefined;
      return durationType(a ?? b);
    }
    if (operator === "*" && left.kind === "duration" && right.kind === "number" && right.integer) return left;
    if (operator === "*" && left.kind === "number" && left.integer && right.kind === "duration") return right;
    if (operator === "+" && left.kind === "text" && right.kind === "text") return textType;
    return mismatch();
  }
}
