import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";

/** The town a mail comes from; its country and zone decide how phone numbers and times read (Belgium's when absent). */
export type EmailBrand = { name: string; primaryColor: string; phone?: string | null; country?: string; timeZone?: string };

/** What a template says; this one component lays it out for every message. */
export type EmailContent = {
  subject: string;
  preview: string;
  paragraphs: string[];
  details?: [label: string, value: string][];
  items?: string[];
  button?: { label: string; url: string };
  links?: { label: string; url: string }[];
  footer: string;
};

export function TownEmail({ brand, locale, content }: { brand: EmailBrand; locale: string; content: EmailContent }) {
  return (
    <Html lang={locale}>
      <Head />
      <Preview>{content.preview}</Preview>
      <Body style={{ backgroundColor: "#f4f4f5", fontFamily: "Arial, Helvetica, sans-serif", color: "#18181b" }}>
        <Container style={{ backgroundColor: "#ffffff", maxWidth: 560, margin: "24px auto", borderRadius: 8 }}>
          <Section style={{ backgroundColor: brand.primaryColor, padding: "16px 24px", borderRadius: "8px 8px 0 0" }}>
            <Heading as="h1" style={{ color: "#ffffff", fontSize: 22, margin: 0 }}>{brand.name}</Heading>
          </Section>
          <Section style={{ padding: "8px 24px 16px", fontSize: 16, lineHeight: "24px" }}>
            {content.paragraphs.map((p, i) => <Text key={i}>{p}</Text>)}
            {content.details && (
              <Section style={{ backgroundColor: "#f4f4f5", padding: "8px 16px", borderRadius: 6 }}>
                {content.details.map(([label, value]) => (
                  <Text key={label} style={{ margin: "4px 0" }}><strong>{label}:</strong> {value}</Text>
                ))}
              </Section>
            )}
            {content.items && content.items.map((item, i) => <Text key={i} style={{ margin: "4px 0" }}>• {item}</Text>)}
            {content.links && content.links.map((l) => (
              <Text key={l.url} style={{ margin: "4px 0" }}><Link href={l.url}>{l.label}</Link></Text>
            ))}
            {content.button && (
              <Button href={content.button.url} style={{ backgroundColor: brand.primaryColor, color: "#ffffff", padding: "12px 20px", borderRadius: 6, fontWeight: 700 }}>
                {content.button.label}
              </Button>
            )}
          </Section>
          <Hr />
          <Text style={{ padding: "0 24px", fontSize: 13, color: "#52525b" }}>{content.footer}</Text>
        </Container>
      </Body>
    </Html>
  );
}
