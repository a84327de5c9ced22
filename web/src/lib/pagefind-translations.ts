import type { Locale } from '@asb/shared';

/** Pagefind ships no Georgian interface; these are its UI strings in both site languages. */
export const PAGEFIND_TRANSLATIONS: Record<Locale, Record<string, string>> = {
  ka: {
    placeholder: 'ძიება საიტზე',
    clear_search: 'გასუფთავება',
    load_more: 'მეტი შედეგის ჩატვირთვა',
    search_label: 'ძიება საიტზე',
    filters_label: 'ფილტრები',
    zero_results: '„[SEARCH_TERM]“ ვერ მოიძებნა',
    many_results: '„[SEARCH_TERM]“: [COUNT] შედეგი',
    one_result: '„[SEARCH_TERM]“: [COUNT] შედეგი',
    alt_search: '„[SEARCH_TERM]“ ვერ მოიძებნა. ნაჩვენებია შედეგები: [DIFFERENT_TERM]',
    search_suggestion: '„[SEARCH_TERM]“ ვერ მოიძებნა. სცადეთ სხვა სიტყვა.',
    searching: 'ვეძებთ „[SEARCH_TERM]“…',
  },
  en: {
    placeholder: 'Search the site',
    clear_search: 'Clear',
    load_more: 'Load more results',
    search_label: 'Search the site',
    filters_label: 'Filters',
    zero_results: 'No results for [SEARCH_TERM]',
    many_results: '[COUNT] results for [SEARCH_TERM]',
    one_result: '[COUNT] result for [SEARCH_TERM]',
    alt_search: 'No results for [SEARCH_TERM]. Showing results for [DIFFERENT_TERM] instead',
    search_suggestion: 'No results for [SEARCH_TERM]. Try another word.',
    searching: 'Searching for [SEARCH_TERM]…',
  },
};
