namespace LoginPosture.AnalyzerMeasurement.Corpus;

/// <summary>
/// Minimal stand-ins for the third-party types trading code passes credentials to, under their real namespaces
/// and names so rules that match sinks by metadata name see what they would see in a real project.
/// </summary>
internal static class Stubs
{
    public const string Source = """
        namespace CryptoExchange.Net.Authentication
        {
            public class ApiCredentials
            {
                public ApiCredentials(string key, string secret) { }
                public ApiCredentials(string key, string secret, string pass) { }
            }
        }
        namespace Alpaca.Markets
        {
            public class SecretKey
            {
                public SecretKey(string keyId, string value) { }
            }
        }
        namespace OtpNet
        {
            public static class Base32Encoding
            {
                public static byte[] ToBytes(string input) => new byte[0];
            }
            public class Totp
            {
                public Totp(byte[] secretKey) { }
                public string ComputeTotp() => "";
            }
        }
        namespace Microsoft.IdentityModel.Tokens
        {
            public class SymmetricSecurityKey
            {
                public SymmetricSecurityKey(byte[] key) { }
            }
        }
        namespace Stripe
        {
            public static class StripeConfiguration
            {
                public static string ApiKey { get; set; } = "";
            }
        }
        namespace Microsoft.Extensions.Configuration
        {
            public interface IConfiguration
            {
                string? this[string key] { get; set; }
            }
        }
        namespace Corpus.Support
        {
            public sealed class OAuthSettings
            {
                public string ClientId { get; set; } = "";
                public string ClientSecret { get; set; } = "";
                public string TokenEndpoint { get; set; } = "";
            }
            public sealed class ExchangeOptions
            {
                public string ApiKey { get; set; } = "";
                public string ApiSecret { get; set; } = "";
                public string Passphrase { get; set; } = "";
                public string BaseUrl { get; set; } = "";
            }
            public static class Exchange
            {
                public static void Connect(string apiKey, string apiSecret) { }
                public static void Log(string message) { }
            }
        }
        """;
}
