/** A form's fields with the town's country last: a form cannot choose how its phone numbers are read. */
export const withCountry = (_formData: FormData, values: Record<string, string>, tenant: { country: string } | null) => ({ ...values, country: tenant?.country });
