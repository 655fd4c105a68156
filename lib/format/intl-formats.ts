// One Intl formatter per locale and options, made once: building one costs about 0.1 ms, using it
// a microsecond, and a chat renders the day of each of its 50 messages, a list the waiting time of
// each card (issue 16). Throws as the constructors do (a RangeError for a time zone the runtime does
// not know) and keeps nothing then. The keys are bounded: a few locales × the IANA zones × the
// app's options.
const formats = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

const cached = <Format extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => Format): Format => {
  let format = formats.get(key) as Format | undefined;
  if (!format) {
    format = make();
    formats.set(key, format);
  }
  return format;
};

export const dateTimeFormat = (locale: string, options: Intl.DateTimeFormatOptions) =>
  cached(`date|${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));

export const numberFormat = (locale: string, options: Intl.NumberFormatOptions) =>
  cached(`number|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));

// Whether the runtime knows `timeZone` (an IANA name such as "America/Bogota"): checked through the
// cached formatter, so a known zone costs a lookup, not a new formatter per call.
export const isKnownTimeZone = (timeZone: string): boolean => {
  try {
    dateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
};
