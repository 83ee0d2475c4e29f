namespace Forecast.LoadTest;

// The scenario's own settings, bound from "CustomSettings" of its entry in the NBomber config file.
public class ForecastSettings
{
    public string ApiUrl { get; set; } = "http://localhost:5080";
    public string City { get; set; } = "Bergen";
    public string StationId { get; set; } = "ST-01";
}
