"""Get-Date, Set-Date, New-TimeSpan, Start-Sleep (lab clock), Get-Random and New-Guid."""
from __future__ import annotations

import time

from util_support import err, lines, out, ps, sh  # noqa: F401  (fixtures)

# ----------------------------------------------------------------------------- Get-Date

def test_date_parses_strings_with_the_current_culture(ps):
    r = ps("(Get-Date -Date '2024-01-15').Year\n(Get-Date -Date '2024-12-25').DayOfWeek\n"
           "(Get-Date '3/4/2024').Month\n(Get-Date -Date '2024-01-15').GetType().FullName")
    assert out(r) == ["2024", "Wednesday", "3", "System.DateTime"]


def test_format_and_file_formats(ps):
    r = ps("Get-Date -Date '2024-07-04 13:05:09' -Format 'yyyy-MM-dd HH:mm'\n"
           "Get-Date -Date '2024-07-04 13:05:09' -Format FileDate\n"
           "Get-Date -Date '2024-07-04 13:05:09.1234' -Format FileDateTime\n"
           "(Get-Date -Format 'yyyy').GetType().Name")
    assert out(r) == ["2024-07-04 13:05", "20240704", "20240704T1305091234", "String"]


def test_uformat_specifiers(ps):
    r = ps("Get-Date -Date '2024-07-04 13:05:09' -UFormat '%Y-%m-%d %H:%M:%S'\n"
           "Get-Date -Date '2024-07-04 13:05:09' -UFormat '%A %a %B %b %j %p %I %y %u %w %e|%D|%T|%R|%%'\n"
           "Get-Date -Date '2024-01-01' -UFormat '%V %G %U %W %C'")
    assert out(r) == ["2024-07-04 13:05:09", "Thursday Thu July Jul 186 PM 01 24 4 4  4|07/04/24|13:05:09|13:05|%",
                      "01 2024 01 01 20"]


def test_component_parameters(ps):
    r = ps("Get-Date -Date '2024-01-31' -Month 2 -Format 'yyyy-MM-dd'\n"
           "Get-Date -Date '2024-05-06 07:08:09' -Year 2020 -Day 1 -Hour 0 -Minute 0 -Second 0 -Millisecond 0 -Format o")
    assert out(r) == ["2024-02-29", "2020-05-01T00:00:00.0000000"]


def test_component_ranges_are_validated(ps):
    r = ps("Get-Date -Month 13")
    assert "Cannot validate argument on parameter 'Month'" in err(r)


def test_bad_date_string(ps):
    r = ps("Get-Date -Date 'not a date'")
    assert "Cannot convert value \"not a date\" to type \"System.DateTime\"" in err(r)


def test_unix_time_and_as_utc(ps):
    r = ps("(Get-Date -UnixTimeSeconds 0 -AsUTC).ToString('yyyy-MM-dd HH:mm:ss')\n"
           "(Get-Date -UnixTimeSeconds 86400 -AsUTC -UFormat '%s')")
    assert out(r) == ["1970-01-01 00:00:00", "86400"]


def test_date_from_pipeline(ps):
    r = ps("[datetime]'2024-02-29' | Get-Date -Format 'MM/dd'")
    assert out(r) == ["02/29"]


def test_get_date_reads_the_lab_clock(ps):
    r = ps("Set-LabClock -DateTime '2024-01-15 10:00:00' | Out-Null\n$a = Get-Date\n$b = Get-Date\n($b - $a).TotalSeconds")
    assert out(r) == ["0"]


def test_set_date_is_refused(ps):
    r = ps("Set-Date -Date (Get-Date)\n'after'")
    assert lines(r.stdout) == ["after"]
    assert "use Set-LabClock" in err(r)


# ----------------------------------------------------------------------------- New-TimeSpan / Start-Sleep

def test_new_timespan(ps):
    r = ps("(New-TimeSpan -Start ([datetime]'2024-01-01') -End ([datetime]'2024-03-01')).Days\n"
           "(New-TimeSpan -Hours 2 -Minutes 30).TotalMinutes\n(New-TimeSpan -Days 1 -Seconds 5).TotalSeconds\n"
           "(New-TimeSpan -Start '2024-01-02' -End '2024-01-01').Days\n(New-TimeSpan).GetType().Name")
    assert out(r) == ["60", "150", "86405", "-1", "TimeSpan"]


def test_start_sleep_advances_a_frozen_lab_clock(ps):
    t0 = time.monotonic()
    r = ps("Set-LabClock -DateTime '2024-01-15 10:00:00' | Out-Null\n$a = Get-Date\nStart-Sleep -Seconds 90\n"
           "((Get-Date) - $a).TotalSeconds\nStart-Sleep -Milliseconds 500\nStart-Sleep -Duration (New-TimeSpan -Minutes 2)\n"
           "sleep 10\n((Get-Date) - $a).TotalSeconds")
    assert out(r) == ["90", "220.5"]
    assert time.monotonic() - t0 < 5


def test_start_sleep_sleeps_for_real_without_a_lab_clock(ps):
    t0 = time.monotonic()
    assert out(ps("Start-Sleep -Milliseconds 50")) == []
    assert time.monotonic() - t0 >= 0.04


def test_start_sleep_validation(ps):
    assert "Cannot validate argument on parameter 'Seconds'" in err(ps("Start-Sleep -Seconds -1"))
    assert "missing mandatory parameters: Seconds" in err(ps("Start-Sleep"))


# ----------------------------------------------------------------------------- Get-Random

def test_random_types_follow_the_bounds(ps):
    r = ps("(Get-Random).GetType().Name\n(Get-Random -Maximum 10).GetType().Name\n(Get-Random -Maximum 10.5).GetType().Name\n"
           "(Get-Random -Maximum 10000000000).GetType().Name\n(Get-Random -Minimum 1.5 -Maximum 2).GetType().Name")
    assert out(r) == ["Int32", "Int32", "Double", "Int64", "Double"]


def test_random_bounds(ps):
    r = ps("$v = 1..200 | ForEach-Object { Get-Random -Minimum 3 -Maximum 6 }\n($v | Sort-Object -Unique) -join ','")
    assert out(r) == ["3,4,5"]


def test_set_seed_is_repeatable(ps):
    r = ps("$a = Get-Random -SetSeed 42 -Maximum 1000 -Count 5\n$b = Get-Random -SetSeed 42 -Maximum 1000 -Count 5\n"
           "($a -join ',') -eq ($b -join ',')\n$a.Count")
    assert out(r) == ["True", "5"]


def test_min_not_below_max(ps):
    r = ps("Get-Random -Minimum 5 -Maximum 5")
    assert "The Minimum value (5) cannot be greater than or equal to the Maximum value (5)." in err(r)


def test_random_items_and_shuffle(ps):
    r = ps("$x = 1..10 | Get-Random -Count 3\n$x.Count\n($x | Sort-Object -Unique).Count\n"
           "(1..10 | Get-Random -Shuffle | Sort-Object) -join ','\n(Get-Random -InputObject 'a', 'b', 'c') -in 'a', 'b', 'c'\n"
           "(1..3 | Get-Random -Count 10).Count")
    assert out(r) == ["3", "3", "1,2,3,4,5,6,7,8,9,10", "True", "3"]


# ----------------------------------------------------------------------------- New-Guid

def test_new_guid(ps):
    r = ps("$g = New-Guid\n$g.GetType().FullName\n$g.ToString() -match '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$'\n"
           "(New-Guid).Guid -ne (New-Guid).Guid\n(New-Guid -Empty).Guid\n"
           "('11111111-2222-3333-4444-555555555555' | New-Guid).Guid")
    assert out(r) == ["System.Guid", "True", "True", "00000000-0000-0000-0000-000000000000",
                      "11111111-2222-3333-4444-555555555555"]


def test_guid_displays_as_a_guid_table(ps):
    r = ps("New-Guid -Empty")
    assert lines(r.stdout) == ["Guid", "----", "00000000-0000-0000-0000-000000000000"]


def test_get_date_display_hint_shows_the_date_or_the_time(ps):
    r = ps("Get-Date -Date '2024-01-15T10:30:00' -DisplayHint Date; Get-Date -Date '2024-01-15T10:30:00' -DisplayHint Time\n"
           "(Get-Date -DisplayHint Date).DisplayHint; (Get-Date).DisplayHint; (Get-Date -DisplayHint Date).AddDays(1).Year -gt 2000")
    assert lines(r.stdout) == ["Monday, January 15, 2024", "10:30:00 AM", "Date", "DateTime", "True"]
    assert "does not belong to the set" in ps("Get-Date -DisplayHint Week").stderr


def test_set_seed_replaces_the_session_generator_for_later_calls(ps):
    r = ps("Get-Random -SetSeed 7 -Maximum 100 | Out-Null; $a = Get-Random -Maximum 1000 -Count 3\n"
           "Get-Random -SetSeed 7 -Maximum 100 | Out-Null; $b = Get-Random -Maximum 1000 -Count 3\n"
           "($a -join ',') -eq ($b -join ','); (1..20 | Get-Random -SetSeed 3 -Count 5) -join ',' -eq "
           "((1..20 | Get-Random -SetSeed 3 -Count 5) -join ',')")
    assert lines(r.stdout) == ["True", "True"]
