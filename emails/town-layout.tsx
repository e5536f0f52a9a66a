import { Body, Container, Head, Heading, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

export type EmailBrand = { name: string; primaryColor: string; phone?: string | null };

/** Shared frame of every e-mail: the town's name and colour, its phone number in the footer. */
export function TownLayout(props: {
  brand: EmailBrand;
  locale: string;
  preview: string;
  footer: string;
  children: ReactNode;
}) {
  const { brand } = props;
  return (
    <Html lang={props.locale}>
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={{ backgroundColor: "#f4f4f5", fontFamily: "Arial, Helvetica, sans-serif", color: "#18181b" }}>
        <Container style={{ backgroundColor: "#ffffff", maxWidth: 560, margin: "24px auto", borderRadius: 8 }}>
          <Section style={{ backgroundColor: brand.primaryColor, padding: "16px 24px", borderRadius: "8px 8px 0 0" }}>
            <Heading as="h1" style={{ color: "#ffffff", fontSize: 22, margin: 0 }}>{brand.name}</Heading>
          </Section>
          <Section style={{ padding: "8px 24px 16px", fontSize: 16, lineHeight: "24px" }}>{props.children}</Section>
          <Hr />
          <Text style={{ padding: "0 24px", fontSize: 13, color: "#52525b" }}>{props.footer}</Text>
        </Container>
      </Body>
    </Html>
  );
}
