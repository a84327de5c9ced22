/**
 * Labels for enumeration options in the admin. Strapi's select shows `formatMessage({ id: value })`
 * for each option (edit view and list filters), so an admin translation whose id is the raw value
 * becomes its label: no schema change, and the API keeps the raw values. The ids are global to
 * the admin; none of these values is one of Strapi's own message ids (they are namespaced).
 * Georgian labels follow the site's (web/src/i18n/ui.ts).
 */
const COUNTRIES = {
  en: {
    GE: 'Georgia (GE)',
    UA: 'Ukraine (UA)',
    DE: 'Germany (DE)',
    AM: 'Armenia (AM)',
    AZ: 'Azerbaijan (AZ)',
    US: 'United States (US)',
    MD: 'Moldova (MD)',
    BY: 'Belarus (BY)',
  },
  ka: {
    GE: 'საქართველო (GE)',
    UA: 'უკრაინა (UA)',
    DE: 'გერმანია (DE)',
    AM: 'სომხეთი (AM)',
    AZ: 'აზერბაიჯანი (AZ)',
    US: 'ამერიკის შეერთებული შტატები (US)',
    MD: 'მოლდოვა (MD)',
    BY: 'ბელარუსი (BY)',
  },
};

export const OPTION_LABELS: Record<'en' | 'ka', Record<string, string>> = {
  en: {
    ...COUNTRIES.en,
    // Organisation kind (partner, funder)
    ngo: 'Non-governmental organisation',
    'research-centre': 'Research centre',
    'microfinance-organisation': 'Microfinance organisation',
    'community-organisation': 'Community organisation',
    'government-agency': 'Government agency',
    'humanitarian-organisation': 'Humanitarian organisation',
    'intergovernmental-organisation': 'Intergovernmental organisation',
    other: 'Other',
    // Social enterprise sector
    education: 'Education',
    'early-childhood-education': 'Early childhood education',
    'elderly-care': 'Care for older people',
    'repair-and-construction': 'Repair and construction',
    'vehicle-repair': 'Vehicle repair',
    agriculture: 'Agriculture',
    // Project status / phase
    planned: 'Planned',
    ongoing: 'Ongoing',
    completed: 'Completed',
    // Social networks
    facebook: 'Facebook',
    instagram: 'Instagram',
    linkedin: 'LinkedIn',
    youtube: 'YouTube',
    x: 'X (Twitter)',
    website: 'Website',
    // Currencies
    EUR: 'Euro (EUR)',
    USD: 'US dollar (USD)',
    GEL: 'Georgian lari (GEL)',
  },
  ka: {
    ...COUNTRIES.ka,
    ngo: 'არასამთავრობო ორგანიზაცია',
    'research-centre': 'კვლევითი ცენტრი',
    'microfinance-organisation': 'მიკროსაფინანსო ორგანიზაცია',
    'community-organisation': 'სათემო ორგანიზაცია',
    'government-agency': 'სახელმწიფო უწყება',
    'humanitarian-organisation': 'ჰუმანიტარული ორგანიზაცია',
    'intergovernmental-organisation': 'სახელმწიფოთაშორისი ორგანიზაცია',
    other: 'სხვა',
    education: 'განათლება',
    'early-childhood-education': 'სკოლამდელი განათლება',
    'elderly-care': 'ხანდაზმულთა მოვლა',
    'repair-and-construction': 'რემონტი და მშენებლობა',
    'vehicle-repair': 'ავტოსარემონტო მომსახურება',
    agriculture: 'სოფლის მეურნეობა',
    planned: 'დაგეგმილი',
    ongoing: 'მიმდინარე',
    completed: 'დასრულებული',
    facebook: 'Facebook',
    instagram: 'Instagram',
    linkedin: 'LinkedIn',
    youtube: 'YouTube',
    x: 'X (Twitter)',
    website: 'ვებსაიტი',
    EUR: 'ევრო (EUR)',
    USD: 'აშშ დოლარი (USD)',
    GEL: 'ლარი (GEL)',
  },
};
