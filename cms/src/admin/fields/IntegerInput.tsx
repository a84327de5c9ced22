import { forwardRef, type ComponentProps } from 'react';
import { Field, TextInput, useComposedRefs } from '@strapi/design-system';
import { InputRenderer, useField, useFocusInputField } from '@strapi/strapi/admin';

type RendererProps = ComponentProps<typeof InputRenderer>;
type Props = RendererProps & { unique?: unknown; mainField?: unknown };

/**
 * Integer fields that hold a year: `foundedYear` (social enterprise) and `year` (sub-grant). Strapi's
 * number input formats with the browser's grouping ("2,024"); a year needs none.
 */
export const isYearField = (name: string) => /(^|\.)(year|[a-z]+Year)$/.test(name);

/**
 * Replaces the admin's input for every integer field (`app.addFields({ type: 'integer' })`): years get
 * a plain four-digit input; every other integer goes to Strapi's own renderer unchanged. Admin-side
 * only: the schema, the REST and GraphQL types stay integers.
 */
export const IntegerInput = forwardRef<HTMLInputElement, Props>(function IntegerInput(props, ref) {
  // The content manager passes these for every field; the generic renderer does not take them.
  const { unique: _unique, mainField: _mainField, ...rest } = props;
  if (!isYearField(rest.name)) return <InputRenderer {...rest} />;
  return <YearInput {...rest} ref={ref} />;
});

const YearInput = forwardRef<HTMLInputElement, RendererProps>(function YearInput(
  { name, label, hint, required, labelAction, disabled, placeholder },
  ref,
) {
  const field = useField<number | null>(name);
  const fieldRef = useFocusInputField<HTMLInputElement>(name);
  const composedRefs = useComposedRefs(ref, fieldRef);
  return (
    <Field.Root error={field.error} name={name} hint={hint} required={required}>
      <Field.Label action={labelAction}>{label}</Field.Label>
      <TextInput
        ref={composedRefs}
        inputMode="numeric"
        autoComplete="off"
        maxLength={4}
        placeholder={placeholder}
        disabled={disabled}
        value={field.value == null ? '' : String(field.value)}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) => {
          // Digits only, so the form always holds a whole number or nothing; range errors come from the schema's min/max.
          const digits = event.target.value.replace(/\D/g, '').slice(0, 4);
          field.onChange(name, digits === '' ? null : Number(digits));
        }}
      />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
});
