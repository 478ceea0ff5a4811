using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Spx.Research.Polygon.Rest;

/// <summary>
/// Reads a <c>/v3/snapshot</c> element as <see cref="UnifiedSnapshotError"/> when it carries a non-empty
/// <c>error</c>, else as <see cref="UnifiedSnapshot"/>. The wire has no type tag, and the error may come after
/// the other fields, so the element is looked through once on a copy of the reader before it is read.
/// </summary>
public sealed class UnifiedSnapshotItemConverter : JsonConverter<UnifiedSnapshotItem>
{
    public override UnifiedSnapshotItem Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException($"a snapshot item must be an object, not {reader.TokenType}");
        var (ticker, error, message) = ErrorFields(reader);
        if (string.IsNullOrEmpty(error)) return JsonSerializer.Deserialize(ref reader, Snapshot(options))!;
        reader.Skip();
        return new UnifiedSnapshotError(ticker ?? "", error, message);
    }

    public override void Write(Utf8JsonWriter writer, UnifiedSnapshotItem value, JsonSerializerOptions options)
    {
        switch (value)
        {
            case UnifiedSnapshot snapshot:
                JsonSerializer.Serialize(writer, snapshot, Snapshot(options));
                break;
            case UnifiedSnapshotError failed:
                writer.WriteStartObject();
                writer.WriteString("ticker"u8, failed.Ticker);
                writer.WriteString("error"u8, failed.Error);
                if (failed.Message is not null) writer.WriteString("message"u8, failed.Message);
                writer.WriteEndObject();
                break;
            default:
                throw new JsonException($"cannot write a {value.GetType().Name} as a snapshot item");
        }
    }

    private static JsonTypeInfo<UnifiedSnapshot> Snapshot(JsonSerializerOptions options) =>
        (JsonTypeInfo<UnifiedSnapshot>)options.GetTypeInfo(typeof(UnifiedSnapshot));

    /// <summary><c>ticker</c>, <c>error</c> and <c>message</c> of the object the copy starts on; the caller's reader does not move.</summary>
    private static (string? Ticker, string? Error, string? Message) ErrorFields(Utf8JsonReader probe)
    {
        string? ticker = null, error = null, message = null;
        while (probe.Read() && probe.TokenType != JsonTokenType.EndObject)
        {
            if (probe.ValueTextEquals("ticker"u8)) { probe.Read(); ticker = Text(ref probe, "ticker"); }
            else if (probe.ValueTextEquals("error"u8)) { probe.Read(); error = Text(ref probe, "error"); }
            else if (probe.ValueTextEquals("message"u8)) { probe.Read(); message = Text(ref probe, "message"); }
            else { probe.Read(); probe.Skip(); }
        }
        return (ticker, error, message);
    }

    private static string? Text(ref Utf8JsonReader reader, string field) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw new JsonException($"'{field}' must be a string, not {reader.TokenType}"),
    };
}
