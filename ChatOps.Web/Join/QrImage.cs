using QRCoder;

namespace ChatOps.Web.Join;

/// <summary>A QR code as a PNG data URI: an image the content-security policy allows (img-src data:), no script.</summary>
internal static class QrImage
{
    public static string DataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        // 10 pixels a module: sharp when the projector scales it up, a few kilobytes.
        var png = new PngByteQRCode(data).GetGraphic(10);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
