import { useEffect, useState } from 'react';
import { Flex, Typography, useDateFormatter, useDesignSystem } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';

/**
 * List views (hook `Admin/CM/pages/ListView/inject-column-in-table`, run after the i18n plugin's):
 * "Available in" moves before "Last updated" and shows every locale, present or missing, in a few
 * characters; "Last updated" is a short date. Strapi's own cells ("English (en), Georgian (ka)
 * (default)", "Wednesday, December 2, 2026 at 6:50 AM") push the status column past 1280 px.
 */
interface Header {
  name: string;
  cellFormatter?: (row: Row, header: unknown, meta: unknown) => React.ReactNode;
  [key: string]: unknown;
}
interface Row {
  documentId: string;
  locale?: string | null;
  localizations?: { locale: string }[];
  updatedAt?: string | null;
}
interface Locale {
  code: string;
  name: string;
  isDefault: boolean;
}

let localesRequest: Promise<Locale[]> | undefined;

const useLocales = () => {
  const { get } = useFetchClient();
  const [locales, setLocales] = useState<Locale[]>([]);
  useEffect(() => {
    let live = true;
    // One request for the whole list, not one per row.
    localesRequest ??= get<Locale[]>('/i18n/locales').then(
      (res) => res.data,
      (error) => {
        localesRequest = undefined;
        throw error;
      },
    );
    localesRequest.then((list) => live && setLocales(list)).catch(() => {});
    return () => {
      live = false;
    };
  }, [get]);
  // The default locale (Georgian) first.
  return [...locales].sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
};

export const LocalesCell = ({ row }: { row: Row }) => {
  const locales = useLocales();
  const present = new Set([row.locale, ...(row.localizations ?? []).map((l) => l.locale)]);
  return (
    <Flex gap={2} data-testid="asb-locales-cell">
      {locales.map((locale) => {
        const has = present.has(locale.code);
        return (
          <Typography
            key={locale.code}
            textColor={has ? 'neutral800' : 'danger600'}
            textDecoration={has ? undefined : 'line-through'}
            title={`${locale.name}: ${has ? 'exists' : 'missing'}`}
            aria-label={`${locale.name}: ${has ? 'exists' : 'missing'}`}
            data-missing={has ? undefined : 'true'}
          >
            {/* The code as stored (ka, en): the same in every interface language. */}
            {locale.code}
          </Typography>
        );
      })}
    </Flex>
  );
};

export const ShortDate = ({ value }: { value?: string | null }) => {
  const { locale } = useDesignSystem('ShortDate');
  const format = useDateFormatter(locale, { dateStyle: 'medium', timeStyle: 'short' });
  if (!value) return <Typography textColor="neutral800">-</Typography>;
  return (
    <Typography textColor="neutral800">
      <time dateTime={value}>{format.format(new Date(value))}</time>
    </Typography>
  );
};

export const arrangeListColumns = <T extends { displayedHeaders: Header[] }>(args: T): T => {
  const headers = args.displayedHeaders;
  const locales = headers.find((h) => h.name === 'locales');
  const updated = headers.find((h) => h.name === 'updatedAt');
  const rest = headers.filter((h) => h !== locales && h !== updated);
  return {
    ...args,
    displayedHeaders: [
      ...rest,
      ...(locales ? [{ ...locales, cellFormatter: (row: Row) => <LocalesCell row={row} /> }] : []),
      ...(updated ? [{ ...updated, cellFormatter: (row: Row) => <ShortDate value={row.updatedAt} /> }] : []),
    ],
  };
};
