using Spx.Research.Testing;
using System.Text.Json.Nodes;
using Spx.Research.Notifications;

namespace Spx.Research.Tests.Notifications;

/// <summary>
/// The exact request each format sends, as a loopback receiver sees it: method, path (where the secret URL or token
/// goes), content type and body. Expected bodies are written out from each service's documentation (cited in the
/// format classes and in docs/notifications.md), including its escaping rules.
/// </summary>
public sealed class FormatRequestTests
{
    [Fact]
    public async Task Slack_posts_text_and_blocks_to_the_webhook_path_with_mrkdwn_escaped()
    {
        await using var slack = new Receiver(_ => new Reply(200, "ok"));
        var request = await SendOne(Harness.Slack(slack), slack);

        Assert.Equal("POST", request.Method);
        Assert.Equal("/services/T0001/B0002/slackSecret1234567890", request.PathAndQuery);
        Assert.StartsWith("application/json", request.ContentType);
        AssertJson(
            """
            {"text":"SPXW 5000P 2025-04-04: multiplier: 12,400 &gt; 5× 2,000 &amp; rising",
             "blocks":[
              {"type":"header","text":{"type":"plain_text","text":"SPXW 5000P 2025-04-04: multiplier"}},
              {"type":"section","text":{"type":"mrkdwn","text":"12,400 &gt; 5× 2,000 &amp; rising"}},
              {"type":"section","fields":[{"type":"mrkdwn","text":"*strike*\n5000"},{"type":"mrkdwn","text":"*source*\n&lt;aligned&gt;"}]},
              {"type":"context","elements":[{"type":"mrkdwn","text":"warning · 2025-03-03 10:30 ET · 2025-03-03|O:SPXW250404P05000000|multiplier"}]}]}
            """,
            request.Body);
    }

    [Fact]
    public async Task Discord_posts_content_and_one_embed_with_mentions_disabled()
    {
        await using var discord = new Receiver(_ => new Reply(204));
        var request = await SendOne(Harness.Discord(discord), discord);

        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/webhooks/112233/discordSecret-abcdefXYZ", request.PathAndQuery);
        Assert.StartsWith("application/json", request.ContentType);
        // color 15965202 = 0xF39C12 (amber, warning); timestamp ISO 8601 UTC as the embed object requires.
        AssertJson(
            """
            {"content":"SPXW 5000P 2025-04-04: multiplier: 12,400 > 5× 2,000 & rising",
             "embeds":[{"title":"SPXW 5000P 2025-04-04: multiplier","description":"12,400 > 5× 2,000 & rising","color":15965202,
               "fields":[{"name":"strike","value":"5000","inline":true},{"name":"source","value":"<aligned>","inline":true}],
               "timestamp":"2025-03-03T15:30:00Z","footer":{"text":"warning · 2025-03-03|O:SPXW250404P05000000|multiplier"}}],
             "allowed_mentions":{"parse":[]}}
            """,
            request.Body);
    }

    [Fact]
    public async Task Telegram_posts_sendMessage_under_the_bot_token_with_HTML_escaped()
    {
        await using var telegram = new Receiver(_ => new Reply(200, """{"ok":true,"result":{"message_id":42}}"""));
        var request = await SendOne(Harness.Telegram(telegram), telegram);

        Assert.Equal("POST", request.Method);
        Assert.Equal("/bot7654321:AAE-telegramSecret_qwerty/sendMessage", request.PathAndQuery);
        Assert.StartsWith("application/json", request.ContentType);
        AssertJson(
            """
            {"chat_id":-1001234567890,
             "text":"<b>SPXW 5000P 2025-04-04: multiplier</b>\n12,400 &gt; 5× 2,000 &amp; rising\n\nstrike: <code>5000</code>\nsource: <code>&lt;aligned&gt;</code>\n<i>warning · 2025-03-03 10:30 ET</i>",
             "parse_mode":"HTML"}
            """,
            request.Body);
    }

    [Fact]
    public async Task Telegram_sends_a_channel_name_as_a_string_chat_id()
    {
        await using var telegram = new Receiver(_ => new Reply(200, """{"ok":true}"""));
        var request = await SendOne(Harness.Telegram(telegram) with { Recipient = "@spx_alerts" }, telegram);

        Assert.Equal("@spx_alerts", JsonNode.Parse(request.Body)!["chat_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Pushover_posts_the_documented_form_fields()
    {
        await using var pushover = new Receiver(_ => new Reply(200, """{"status":1,"request":"647d2300-702c-4b38-8b2f-d56326ae460b"}"""));
        var request = await SendOne(Harness.Pushover(pushover), pushover);

        Assert.Equal("POST", request.Method);
        Assert.Equal("/1/messages.json", request.PathAndQuery);
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        var expected = new Dictionary<string, string>
        {
            ["token"] = Harness.PushoverToken,
            ["user"] = "uQiRzpo4DXghDmr9QzzfQu27cmVRsG",
            ["title"] = "SPXW 5000P 2025-04-04: multiplier",
            ["message"] = "12,400 > 5× 2,000 & rising\nstrike: 5000\nsource: <aligned>",
            ["timestamp"] = "1741015800", // 2025-03-03T15:30:00Z
            ["priority"] = "0",
        };
        Assert.Equal(expected, Form(request.Body));
    }

    [Fact]
    public async Task Webhook_posts_the_notification_as_JSON_to_its_url()
    {
        await using var hook = new Receiver(_ => new Reply(202));
        var request = await SendOne(Harness.Webhook(hook), hook);

        Assert.Equal("POST", request.Method);
        Assert.Equal("/alerts?source=spx", request.PathAndQuery);
        Assert.StartsWith("application/json", request.ContentType);
        Assert.StartsWith("Spx.Research/", request.UserAgent);
        AssertJson(
            """
            {"key":"2025-03-03|O:SPXW250404P05000000|multiplier","title":"SPXW 5000P 2025-04-04: multiplier",
             "text":"12,400 > 5× 2,000 & rising","severity":"warning","at":"2025-03-03T15:30:00Z",
             "fields":[{"name":"strike","value":"5000"},{"name":"source","value":"<aligned>"}]}
            """,
            request.Body);
    }

    [Fact]
    public async Task Webhook_with_a_secret_url_posts_to_that_path_on_the_overriding_origin()
    {
        await using var hook = new Receiver();
        var request = await SendOne(new("webhook", "hook") { Url = hook.BaseUri, SecretVariable = "WEBHOOK_URL" }, hook);

        Assert.Equal("/in/webhookSecret-77aa", request.PathAndQuery);
    }

    [Theory]
    [InlineData(NotificationSeverity.Info, "-1", 3447003)]      // quiet push; 0x3498DB blue
    [InlineData(NotificationSeverity.Warning, "0", 15965202)]   // normal; 0xF39C12 amber
    [InlineData(NotificationSeverity.Critical, "1", 15158332)]  // high priority; 0xE74C3C red
    public async Task Severity_sets_the_Pushover_priority_and_the_Discord_colour(NotificationSeverity severity, string priority, int colour)
    {
        await using var pushover = new Receiver();
        await using var discord = new Receiver(_ => new Reply(204));
        var harness = new Harness();
        using var notifier = harness.Notifier(Harness.Pushover(pushover), Harness.Discord(discord));

        await notifier.SendAsync([Harness.Alert() with { Severity = severity }]);

        Assert.Equal(priority, Form(Assert.Single(pushover.Seen).Body)["priority"]);
        Assert.Equal(colour, JsonNode.Parse(Assert.Single(discord.Seen).Body)!["embeds"]![0]!["color"]!.GetValue<int>());
    }

    [Fact]
    public async Task Long_text_is_cut_to_the_service_limit()
    {
        await using var pushover = new Receiver();
        await using var discord = new Receiver(_ => new Reply(204));
        var harness = new Harness();
        using var notifier = harness.Notifier(Harness.Pushover(pushover), Harness.Discord(discord));

        await notifier.SendAsync([Harness.Alert() with { Text = new string('x', 5000), Fields = [] }]);

        var message = Form(Assert.Single(pushover.Seen).Body)["message"];
        Assert.Equal(1024, message.Length); // https://pushover.net/api#limits
        Assert.EndsWith("…", message);
        Assert.Equal(2000, JsonNode.Parse(Assert.Single(discord.Seen).Body)!["content"]!.GetValue<string>().Length);
    }

    private static async Task<Received> SendOne(Spx.Research.Configuration.NotificationTarget target, Receiver receiver)
    {
        var harness = new Harness();
        using var notifier = harness.Notifier(target);
        var outcome = Assert.Single(await notifier.SendAsync([Harness.Alert()]));
        Assert.True(outcome.Status == NotificationStatus.Sent, $"{outcome.Status}: {outcome.Error}; log: {harness.Log}");
        return Assert.Single(receiver.Seen);
    }

    private static void AssertJson(string expected, string actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), $"expected {JsonNode.Parse(expected)!.ToJsonString()}\n     got {actual}");

    /// <summary>An <c>application/x-www-form-urlencoded</c> body as name → value.</summary>
    internal static Dictionary<string, string> Form(string body) =>
        body.Split('&').Select(pair => pair.Split('=', 2)).ToDictionary(
            p => Uri.UnescapeDataString(p[0].Replace('+', ' ')),
            p => Uri.UnescapeDataString(p[1].Replace('+', ' ')));
}
