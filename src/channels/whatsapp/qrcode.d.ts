// The few functions of the `qrcode` package this app uses (it ships no types of its own).
declare module "qrcode" {
  interface QRCodeOptions {
    errorCorrectionLevel?: "L" | "M" | "Q" | "H";
    margin?: number;
    width?: number;
  }
  export function toBuffer(text: string, options?: QRCodeOptions & { type?: "png" }): Promise<Buffer>;
  export function toString(text: string, options?: QRCodeOptions & { type?: "terminal" | "utf8" | "svg"; small?: boolean }): Promise<string>;
  const QRCode: { toBuffer: typeof toBuffer; toString: typeof toString };
  export default QRCode;
}
