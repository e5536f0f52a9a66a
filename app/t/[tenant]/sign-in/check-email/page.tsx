export { CheckEmail as default } from "@/components/check-email";
