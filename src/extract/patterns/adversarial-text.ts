// Inputs that make a careless pattern quadratic or worse: one 1 MB line of digits and punctuation, in the
// shapes the number, date, coordinate and URL patterns start on. Used by every finder's tests.

const megabyte = 1 << 20;

function line(unit: string): string {
  return unit.repeat(Math.ceil(megabyte / unit.length)).slice(0, megabyte);
}

export const adversarialLines: readonly { name: string; text: string }[] = [
  { name: 'digits', text: line('0123456789') },
  { name: 'comma groups', text: line('1,000,') },
  { name: 'decimals', text: line('1.5.') },
  { name: 'spaced digits', text: line('12 34 ') },
  { name: 'currency and digits', text: line('$1,2-3 ') },
  { name: 'date-like digits', text: line('2019-04-1') },
  { name: 'degree marks', text: line('36°20′24″') },
  { name: 'mixed punctuation', text: line('1.2,3;4:5/6-7°8\'9"0()[]%$€£.') },
  { name: 'link-like', text: line('www.1/2.') },
];
