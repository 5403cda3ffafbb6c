/**
 * Whether a value written in the project (YAML gives text, numbers or booleans) fits a request
 * parameter's type and constraints; used for `default` and `enum` entries.
 */
import type { ParameterType, RequestParameter } from '../schema';

type Scalar = string | number | boolean;

const INTEGER_TEXT = /^[+-]?\d+$/;
const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
// The cloud's Int and Long are Java's 32- and 64-bit integers.
const INTEGER_RANGES: Partial<Record<ParameterType, [bigint, bigint]>> = {
  Int: [-(2n ** 31n), 2n ** 31n - 1n],
  Long: [-(2n ** 63n), 2n ** 63n - 1n],
};

/** The number a numeric value stands for, or undefined when it is not a number. */
export function numericValue(value: Scalar): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && NUMBER_TEXT.test(value.trim())) return Number(value.trim());
  return undefined;
}

/** Why `value` is not of `type` (a phrase like "is not a whole number"), or undefined when it is. */
export function typeMismatch(type: ParameterType, value: Scalar): string | undefined {
  switch (type) {
    case 'String':
      return undefined;
    case 'Int':
    case 'Long': {
      const text = typeof value === 'number' && Number.isInteger(value) ? BigInt(value).toString() : String(value).trim();
      if (typeof value === 'boolean' || !INTEGER_TEXT.test(text)) return 'is not a whole number';
      const [min, max] = INTEGER_RANGES[type] as [bigint, bigint];
      const big = BigInt(text);
      return big < min || big > max ? `is outside the range of ${type} (${min} to ${max})` : undefined;
    }
    case 'Float':
    case 'Double':
      return typeof value === 'boolean' || numericValue(value) === undefined ? 'is not a number' : undefined;
    case 'Boolean':
      return value === true || value === false || value === 'true' || value === 'false'
        ? undefined
        : 'is not `true` or `false`';
  }
}

/** Why `value` breaks the parameter's enum, range, length or pattern, or undefined when it fits. */
export function constraintMismatch(parameter: RequestParameter, value: Scalar, regex: RegExp | undefined): string | undefined {
  if (parameter.enum && !parameter.enum.some((allowed) => String(allowed) === String(value))) {
    return `is not one of the allowed values (${parameter.enum.join(', ')})`;
  }
  const number = numericValue(value);
  if (number !== undefined && parameter.type !== 'String' && parameter.type !== 'Boolean') {
    if (parameter.min !== undefined && number < parameter.min) return `is below the minimum ${parameter.min}`;
    if (parameter.max !== undefined && number > parameter.max) return `is above the maximum ${parameter.max}`;
  }
  if (parameter.type === 'String') {
    const length = [...String(value)].length;
    if (parameter.minLength !== undefined && length < parameter.minLength) {
      return `is shorter than minLength ${parameter.minLength}`;
    }
    if (parameter.maxLength !== undefined && length > parameter.maxLength) {
      return `is longer than maxLength ${parameter.maxLength}`;
    }
    if (regex && !regex.test(String(value))) return `does not match the regex \`${parameter.regex}\``;
  }
  return undefined;
}
