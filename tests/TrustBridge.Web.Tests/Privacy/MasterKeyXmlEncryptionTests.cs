using System.Xml.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TrustBridge.Web.Features.Privacy;

namespace TrustBridge.Web.Tests.Privacy;

public class MasterKeyXmlEncryptionTests
{
    private static MasterKey Key(byte fill) => MasterKey.From(new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { [MasterKey.Setting] = Convert.ToBase64String(Enumerable.Repeat(fill, 32).ToArray()) }).Build())!;

    private static IServiceProvider With(MasterKey? key)
    {
        var services = new ServiceCollection();
        if (key is not null) services.AddSingleton(key);
        return services.BuildServiceProvider();
    }

    private static readonly XElement Secret = new("masterKey", new XElement("value", "c2VjcmV0LWtleS1tYXRlcmlhbA=="));

    [Fact]
    public void Round_trips_and_hides_the_key_material()
    {
        var info = new MasterKeyXmlEncryptor(Key(1)).Encrypt(Secret);
        info.EncryptedElement.ToString().ShouldNotContain("c2VjcmV0");
        info.DecryptorType.ShouldBe(typeof(MasterKeyXmlDecryptor));
        new MasterKeyXmlDecryptor(With(Key(1))).Decrypt(info.EncryptedElement).ToString().ShouldBe(Secret.ToString());
    }

    [Fact]
    public void A_wrong_or_missing_master_key_is_named_not_guessed()
    {
        var encrypted = new MasterKeyXmlEncryptor(Key(1)).Encrypt(Secret).EncryptedElement;
        Should.Throw<InvalidOperationException>(() => new MasterKeyXmlDecryptor(With(Key(2))).Decrypt(encrypted)).Message.ShouldContain("not the master key");
        Should.Throw<InvalidOperationException>(() => new MasterKeyXmlDecryptor(With(null)).Decrypt(encrypted)).Message.ShouldContain(MasterKey.Setting);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public void A_malformed_master_key_stops_start_up_with_a_clear_message(string value)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [MasterKey.Setting] = value }).Build();
        Should.Throw<InvalidOperationException>(() => MasterKey.From(config)).Message.ShouldContain(MasterKey.Setting);
    }
}
