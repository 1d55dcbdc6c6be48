// Facts found by pattern (money, counts of people, dates, coordinates, URLs) as mentions, each with one
// normalised value string that identifies it: the same sum or date written two ways is one entity.
import type { Found, PatternType } from './patterns/found.js';
import type { CoordinatesValue } from './patterns/coordinates.js';
import type { CountValue } from './patterns/counts.js';
import type { DateValue } from './patterns/calendar.js';
import type { MoneyValue } from './patterns/money.js';
import type { ExtractedMention } from './mention.js';

/** "2017-07-12", "2017-07", or an ISO 8601 interval "2014-06/2014-08" for a range. */
export function dateValueText(value: DateValue): string {
  return value.precision === 'range' ? `${value.start}/${value.end}` : value.date;
}

/** "USD 4000000 per month", "EUR 20000", "SYP 2000000-3000000", "dinar 500 per fighter" (currency unknown). */
export function moneyValueText(value: MoneyValue): string {
  const currency = value.currency ?? value.currencyName ?? 'unknown-currency';
  const amount = value.amount !== undefined ? String(value.amount) : `${value.min ?? '?'}-${value.max ?? '?'}`;
  return [currency, amount, value.period ? `per ${value.period}` : null, value.per ? `per ${value.per}` : null].filter(Boolean).join(' ');
}

/** "4000 militants", "300-500 fighters", "24+ civilians" for a vague "dozens". */
export function countValueText(value: CountValue): string {
  const number = value.max !== undefined ? `${value.count}-${value.max}` : value.approximate ? `${value.count}+` : String(value.count);
  return `${number} ${value.of}`;
}

/** "36.33500,43.11889": five decimals are about a metre, more than any written coordinate carries. */
export function coordinatesValueText(value: CoordinatesValue): string {
  return `${value.lat.toFixed(5)},${value.lon.toFixed(5)}`;
}

export function patternMention<Type extends PatternType, Value>(found: Found<Type, Value>, valueText: (value: Value) => string): ExtractedMention {
  return {
    type: found.type,
    text: found.text,
    start: found.start,
    end: found.end,
    confidence: found.confidence,
    method: found.method,
    value: valueText(found.value),
  };
}
